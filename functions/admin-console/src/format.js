export function when(iso) {
  if (!iso) {
    return 'never';
  }
  const date = new Date(iso);
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

export function seats(seatView) {
  const { used, limit } = seatView;
  return limit == null ? `${used} in use (no limit)` : `${used} of ${limit} in use`;
}

export const IDP_TYPES = [
  { value: 'okta', label: 'Okta' },
  { value: 'azure', label: 'Azure (Microsoft Entra ID)' },
  { value: 'onelogin', label: 'OneLogin' },
  { value: 'jumpcloud', label: 'JumpCloud' },
  { value: 'generic', label: 'Generic SCIM v2' },
];
