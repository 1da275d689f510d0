/** The services listed on the home page, in order. `key` names their texts under `services.*`. */
export interface Service {
  key: 'questionnaire' | 'signIn' | 'programmes' | 'compensation' | 'me' | 'staff';
  path: string;
  audience: 'citizen' | 'staff';
}

export const SERVICES: readonly Service[] = [
  { key: 'questionnaire', path: '/questionnaire', audience: 'citizen' },
  { key: 'signIn', path: '/sign-in', audience: 'citizen' },
  { key: 'programmes', path: '/programmes', audience: 'citizen' },
  { key: 'compensation', path: '/compensation', audience: 'citizen' },
  { key: 'me', path: '/me', audience: 'citizen' },
  { key: 'staff', path: '/staff', audience: 'staff' },
];
