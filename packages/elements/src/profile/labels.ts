// Kept apart from fields.ts so acct-overview's Russian strings do not include the whole profile form's.
import { msg } from '@lit/localize';

export function accountTypeLabel(type: string | undefined): string {
  switch (type) {
    case 'company': return msg('Company');
    case 'sole_trader': return msg('Sole trader');
    case 'state_institution': return msg('State institution');
    default: return msg('Individual');
  }
}
