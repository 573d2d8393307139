/** `avsnitt <rubrik>`: the section heading that items added next belong to. */
export default /* sql */ `
alter table meetings add column pending_section text;
`;
