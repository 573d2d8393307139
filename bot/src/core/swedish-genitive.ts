/**
 * The Swedish genitive of a name: `LSVO` → `LSVOs`, but a name that already ends in s, x or z takes
 * no extra s (`Samverkansgrupp att åldras sekreterare`, `Lars Sekreterare` not `Larss`).
 */
export const genitive = (name: string): string => (/[sxz]$/i.test(name.trim()) ? name.trim() : `${name.trim()}s`);
