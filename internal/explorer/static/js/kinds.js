// Kinds of node: their names, colours and the view that shows each.

export const KINDS = {
  Council: { label: 'Council', plural: 'Councils', colour: '#7b3fa0' },
  Meeting: { label: 'Meeting', plural: 'Meetings', colour: '#c0392b' },
  Person: { label: 'Person', plural: 'People', colour: '#1f6fb2' },
  Institution: { label: 'Institution', plural: 'Institutions', colour: '#1e8449' },
  Country: { label: 'Country', plural: 'Countries', colour: '#7f8c8d' },
  Place: { label: 'Place', plural: 'Places', colour: '#a04000' },
  Initiative: { label: 'Initiative', plural: 'Initiatives', colour: '#b7950b' },
  Theme: { label: 'Theme', plural: 'Themes', colour: '#117a8b' },
  Recommendation: { label: 'Recommendation', plural: 'Recommendations', colour: '#6c3483' },
  Publication: { label: 'Publication', plural: 'Publications', colour: '#5d6d7e' },
  Source: { label: 'Source', plural: 'Sources', colour: '#34495e' },
};

// ORDER is the order in which kinds are listed (as lookup orders them).
export const ORDER = Object.keys(KINDS);

// label is what to call a node: its name, title or text.
export function label(node) {
  return node.name ?? node.title ?? node.text ?? node.id;
}

// href is the explorer's page for a node: meetings and people have pages of
// their own, everything else is shown as the graph around it.
export function href(kind, id) {
  const arg = encodeURIComponent(id);
  switch (kind) {
    case 'Meeting':
      return `#/meeting/${arg}`;
    case 'Person':
      return `#/person/${arg}`;
    default:
      return `#/graph/${arg}`;
  }
}

// graphHref is the graph view around a node.
export function graphHref(id) {
  return `#/graph/${encodeURIComponent(id)}`;
}

// ROLES names the roles of an appearance, with a short code for tight cells.
export const ROLES = {
  OPENING_SPEECH: { label: 'Opening speech', code: 'O' },
  SPEAKER: { label: 'Speaker', code: 'S' },
  MODERATOR: { label: 'Moderator', code: 'M' },
  PANELLIST: { label: 'Panellist', code: 'P' },
  PARTICIPANT: { label: 'Participant', code: 'T' },
};

export function roleLabels(roles) {
  return (roles || []).map((r) => ROLES[r]?.label ?? r).join(', ');
}

// RECOMMENDATION_KINDS names the kinds of recommendation, in page order.
export const RECOMMENDATION_KINDS = {
  CONCLUSION: 'Conclusions',
  PROPOSAL: 'Proposals',
  AGREEMENT: 'Agreements',
  FOLLOW_UP: 'Follow-up actions',
};
