/** Fixed Swedish answers shared by several handlers. */
export const GENERIC_FAILURE_TEXT =
  'Något gick fel när kommandot skulle utföras. Inget har sparats av just detta kommando – försök igen om en stund.';
export const DATABASE_UNAVAILABLE_TEXT =
  'Protokoll når inte sin databas just nu. Inget sparades – skicka kommandot igen om en liten stund.';
