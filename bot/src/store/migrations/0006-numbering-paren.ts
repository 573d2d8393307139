/** Per-meeting numbering written `1).` (as some groups do), besides `1.`, `§ 15` and `§ 12/24`. */
export default /* sql */ `
alter table groups drop constraint if exists groups_numbering_style_check;
alter table groups add constraint groups_numbering_style_check
  check (numbering_style in ('meeting', 'meeting-paren', 'year', 'year-suffix'));
`;
