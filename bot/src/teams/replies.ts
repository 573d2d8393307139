/** Fixed Swedish answers shared by several handlers. */
export const GENERIC_FAILURE_TEXT =
  'Något gick fel när kommandot skulle utföras. Inget har sparats av just detta kommando – försök igen om en stund.';
export const DATABASE_UNAVAILABLE_TEXT =
  'Protokoll når inte sin databas just nu. Inget sparades – skicka kommandot igen om en liten stund.';
export const NO_GROUP_TEXT =
  'Den här chatten är inte kopplad till någon grupp ännu. Skriv `grupp <namn>` för att koppla den (gruppen skapas om den är ny).';
export const OTHER_TENANT_TEXT =
  'Protokoll tar bara emot meddelanden från den egna organisationens Microsoft 365-klientorganisation. Inget har sparats.';
