/**
 * Seeded sample accounts: one per account type of both source documents (the control panel's
 * 4 types x 2 residencies where the matrix has a column, and the billing panel's individual and
 * company profiles). All identifiers carry valid checksums, all dates are fixed, so stories,
 * screenshots and tests see the same data on every run.
 */
import type {
  AccountUser,
  ApiKey,
  BillingSettings,
  LoginRecord,
  NotificationSettings,
  PanelSettings,
  PrivacyState,
  Profile,
  ReferralState,
  SecuritySettings,
  Session,
  Viewer,
} from '@acct/core';

/** "Now" of the sample data; the adapter's default clock starts here. */
export const SAMPLE_NOW = '2025-05-20T09:30:00.000Z';

/** Credentials and one-time codes the memory adapter accepts, for every sample account. */
export const DEMO_CREDENTIALS = Object.freeze({
  password: 'correct horse battery staple',
  /** Answers `reauth_required` as `{ code }`, and confirms / disables TOTP two-factor. */
  totpCode: '123456',
  smsCode: '123456',
  /** "Last four digits of the calling number" for phone verification by call. */
  callCode: '4321',
});

export const SAMPLE_ACCOUNT_IDS = [
  'individual-resident',
  'individual-non-resident',
  'company-resident',
  'company-non-resident',
  'sole-trader',
  'state-institution',
  'billing-individual',
  'billing-company',
] as const;
export type SampleAccountId = (typeof SAMPLE_ACCOUNT_IDS)[number];

export interface Address {
  country: string;
  region: string;
  city: string;
  postcode: string;
  line1: string;
  line2: string;
}

/** Everything one account holds. Secrets live here and in the adapter's memory only. */
export interface SampleAccount {
  /** Human label for story pickers. */
  title: string;
  secrets: {
    password: string;
    /** Present when `security.codeWordSet` is true. */
    codeWord?: string;
    /** API key id -> secret; never returned by `apiKeys.list()`. */
    apiKeys: Record<string, string>;
  };
  viewer: Viewer;
  profile: Profile;
  /** Email confirmation state; the address itself is `profile.email`. */
  email: { confirmed: boolean; pending?: string };
  panel: PanelSettings;
  /** Saved filters and customised order forms that `panel.resetUserSettings()` clears. */
  userSettings: { savedFilters: number; orderForms: number };
  notifications: NotificationSettings;
  billing: BillingSettings;
  currencies: string[];
  /** `passwordPolicy` is derived (15 code points, 8 with two-factor), so it is not stored. */
  security: Omit<SecuritySettings, 'passwordPolicy'>;
  sessions: Session[];
  loginHistory: LoginRecord[];
  apiKeys: ApiKey[];
  users: AccountUser[];
  privacy: PrivacyState;
  balance: { amount: number; currency: string };
  referral: ReferralState;
}

const CURRENCIES = ['RUB', 'USD', 'EUR', 'KZT'];
const HOUR = 3_600_000;
const at = (msBeforeNow: number) => new Date(Date.parse(SAMPLE_NOW) - msBeforeNow).toISOString();

const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/136.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.4 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'Mozilla/5.0 (X11; Linux x86_64; rv:138.0) Gecko/20100101 Firefox/138.0',
];

/**
 * Login history (45 records, newest first, with failed attempts), three sessions and the viewer's
 * last login, derived from a few addresses so every account has its own but similar activity.
 */
function activity(ips: [string, string, string], location: string) {
  const loginHistory: LoginRecord[] = Array.from({ length: 45 }, (_, i) => ({
    at: at(i * 13 * HOUR + (i % 5) * 37 * 60_000 + HOUR),
    // A stranger's address for most failures, so the history shows what brute force looks like.
    ip: i % 9 === 4 ? '198.51.100.77' : ips[i % 3],
    userAgent: USER_AGENTS[i % USER_AGENTS.length],
    ...(i % 9 === 4 ? { location: 'Unknown' } : { location }),
    success: !(i % 9 === 4 || i % 13 === 7),
  }));
  const sessions: Session[] = [
    { id: 'ses-1', current: true, ip: ips[0], userAgent: USER_AGENTS[0], lastActiveAt: at(0) },
    { id: 'ses-2', current: false, ip: ips[1], userAgent: USER_AGENTS[2], lastActiveAt: at(5 * HOUR) },
    { id: 'ses-3', current: false, ip: ips[2], userAgent: USER_AGENTS[1], lastActiveAt: at(52 * HOUR) },
  ];
  const previous = loginHistory.find((r, i) => i > 0 && r.success) ?? loginHistory[0];
  return { loginHistory, sessions, currentIp: ips[0], lastLogin: { ip: previous.ip, at: previous.at } };
}

function apiKeys(prefix: string): Pick<SampleAccount, 'apiKeys'> & { secrets: Record<string, string> } {
  return {
    apiKeys: [
      { id: 'key-1', name: 'Terraform', prefix: `ak_${prefix}1f`, createdAt: at(2400 * HOUR), lastUsedAt: at(3 * HOUR) },
      {
        id: 'key-2',
        name: 'Monitoring (read-only)',
        prefix: `ak_${prefix}7c`,
        createdAt: at(900 * HOUR),
        expiresAt: new Date(Date.parse(SAMPLE_NOW) + 4000 * HOUR).toISOString(),
      },
    ],
    secrets: { 'key-1': `ak_${prefix}1f.9d2e61c0b47a4f3c8e15`, 'key-2': `ak_${prefix}7c.04b8f5a2d93e4c7b9a60` },
  };
}

function users(owner: { email: string; name: string }, admin: { email: string; name: string }, invited: string): AccountUser[] {
  return [
    { id: 'usr-1', ...owner, role: 'owner', status: 'active', current: true },
    { id: 'usr-2', ...admin, role: 'admin', status: 'active' },
    { id: 'usr-3', email: invited, role: 'user', status: 'invited' },
  ];
}

interface Persona {
  title: string;
  username: string;
  ips: [string, string, string];
  location: string;
  profile: Profile;
  language: 'en' | 'ru';
  theme: PanelSettings['theme'];
  currency: string;
  balance: number;
  team: [{ email: string; name: string }, { email: string; name: string }, string];
  keyPrefix: string;
  /** Per-account differences from the defaults below. */
  extra?: Partial<Omit<SampleAccount, 'secrets'>> & { codeWord?: string };
}

function account(p: Persona): SampleAccount {
  const act = activity(p.ips, p.location);
  const keys = apiKeys(p.keyPrefix);
  const { codeWord, ...extra } = p.extra ?? {};
  return {
    title: p.title,
    secrets: { password: DEMO_CREDENTIALS.password, ...(codeWord ? { codeWord } : {}), apiKeys: keys.secrets },
    viewer: { username: p.username, role: 'owner', currentIp: act.currentIp, lastLogin: act.lastLogin },
    // Phones in the samples are verified, except the billing panel individual's (so the demo shows both).
    profile: { username: p.username, ...p.profile, ...(p.profile.phone ? { phoneVerified: p.username !== 'jdevries' } : {}) },
    email: { confirmed: true },
    panel: { language: p.language, theme: p.theme },
    userSettings: { savedFilters: 3, orderForms: 2 },
    notifications: {
      newsletter: false,
      lowBalance: { enabled: true, threshold: p.currency === 'RUB' ? 500 : 10 },
      emails: { invoices: '', support: '', complaints: '' },
    },
    billing: { autoRenew: true, currency: p.currency, paymentWithoutAuth: false },
    currencies: [...CURRENCIES],
    security: { codeWordSet: Boolean(codeWord), ipRules: [], showLastIp: true, twoFactor: { enabled: false } },
    sessions: act.sessions,
    loginHistory: act.loginHistory,
    apiKeys: keys.apiKeys,
    users: users(...p.team),
    privacy: { exports: [] },
    balance: { amount: p.balance, currency: p.currency },
    referral: { status: 'none' },
    ...extra,
  };
}

const ruAddress = (region: string, city: string, postcode: string, line1: string, line2 = ''): Address => ({
  country: 'RU',
  region,
  city,
  postcode,
  line1,
  line2,
});

const accounts: Record<SampleAccountId, SampleAccount> = {
  'individual-resident': account({
    title: 'Individual, resident of Russia',
    username: 'mivanova',
    ips: ['203.0.113.24', '203.0.113.61', '2001:db8:85a3::8a2e:370:7334'],
    location: 'Moscow, Russia',
    language: 'ru',
    theme: 'light',
    currency: 'RUB',
    // Below the 500 RUB threshold, so the home block shows the low-balance state.
    balance: 184.5,
    keyPrefix: 'mi',
    team: [
      { email: 'maria.ivanova@example.ru', name: 'Мария Иванова' },
      { email: 'p.ivanov@example.ru', name: 'Павел Иванов' },
      'sysadmin@example.ru',
    ],
    profile: {
      accountType: 'individual',
      residency: 'resident',
      country: 'RU',
      lastName: 'Иванова',
      firstName: 'Мария',
      middleName: 'Сергеевна',
      birthDate: '1988-04-12',
      birthPlace: 'г. Тула',
      passportNumber: '4510 123456',
      passportIssuedBy: 'ГУ МВД России по г. Москве',
      passportIssueDate: '2015-06-02',
      postalAddress: ruAddress('г. Москва', 'Москва', '123056', 'ул. Гашека, д. 7, кв. 41'),
      email: 'maria.ivanova@example.ru',
      phone: '+79161234567',
    },
  }),

  'individual-non-resident': account({
    title: 'Individual, non-resident (Kazakhstan)',
    username: 'aigerim.n',
    ips: ['192.0.2.15', '192.0.2.140', '198.51.100.23'],
    location: 'Almaty, Kazakhstan',
    language: 'en',
    theme: 'dark',
    currency: 'USD',
    balance: 42.75,
    keyPrefix: 'an',
    team: [
      { email: 'aigerim.n@example.kz', name: 'Aigerim Nurlanova' },
      { email: 'daniyar.s@example.kz', name: 'Daniyar Seitkali' },
      'ops@example.kz',
    ],
    profile: {
      accountType: 'individual',
      residency: 'non_resident',
      country: 'KZ',
      lastName: 'Nurlanova',
      firstName: 'Aigerim',
      birthDate: '1993-11-03',
      birthPlace: 'Almaty, Kazakhstan',
      passportNumber: 'N12345678',
      passportIssuedBy: 'Ministry of Internal Affairs of the Republic of Kazakhstan',
      passportIssueDate: '2019-02-14',
      postalAddress: {
        country: 'KZ',
        region: 'Almaty',
        city: 'Almaty',
        postcode: 'A25D5T8',
        line1: '85 Dostyk Avenue, apt. 12',
        line2: '',
      },
      email: 'aigerim.n@example.kz',
      phone: '+77012345678',
    },
    extra: {
      privacy: {
        exports: [
          {
            id: 'exp-1',
            status: 'ready',
            requestedAt: '2025-04-02T08:15:00.000Z',
            url: 'https://billing.example.com/privacy/exports/exp-1.zip',
          },
        ],
      },
    },
  }),

  'company-resident': account({
    title: 'Company, resident of Russia (OOO)',
    username: 'severveter',
    ips: ['203.0.113.10', '203.0.113.11', '198.51.100.200'],
    location: 'Moscow, Russia',
    language: 'ru',
    theme: 'branded',
    currency: 'RUB',
    balance: 48_230,
    keyPrefix: 'sv',
    team: [
      { email: 'a.petrov@severveter.ru', name: 'Алексей Петров' },
      { email: 'o.smirnova@severveter.ru', name: 'Ольга Смирнова' },
      'devops@severveter.ru',
    ],
    profile: {
      accountType: 'company',
      residency: 'resident',
      country: 'RU',
      companyName: 'ООО «Северный ветер»',
      inn: '7728456137',
      kpp: '772801001',
      ogrn: '1187746123454',
      authorizedPerson: 'Петров Алексей Николаевич',
      position: 'Генеральный директор',
      authorizedBy: 'Устава',
      bic: '044525225',
      bankName: 'ПАО Сбербанк',
      correspondentAccount: '30101810400000000225',
      settlementAccount: '40702810938000012345',
      legalAddress: ruAddress('г. Москва', 'Москва', '117342', 'ул. Профсоюзная, д. 65, к. 1', 'офис 312'),
      actualAddress: ruAddress('г. Москва', 'Москва', '117342', 'ул. Профсоюзная, д. 65, к. 1', 'офис 312'),
      email: 'billing@severveter.ru',
      phone: '+74951234567',
      fax: '+74951234568',
      contactPerson: 'Смирнова Ольга Игоревна',
      contactEmail: 'o.smirnova@severveter.ru',
      contactPhone: '+79031234567',
      documentsDelivery: 'edo',
      discount: 5,
      verification: 'verified',
    },
    extra: {
      codeWord: 'брусника',
      security: {
        codeWordSet: true,
        ipRules: ['203.0.113.0/24', '198.51.100.200'],
        showLastIp: true,
        twoFactor: { enabled: true },
      },
      notifications: {
        newsletter: true,
        lowBalance: { enabled: true, threshold: 5000 },
        emails: { invoices: 'buh@severveter.ru', support: 'devops@severveter.ru', complaints: '' },
      },
      billing: { autoRenew: true, currency: 'RUB', paymentWithoutAuth: true },
      referral: { status: 'member' },
    },
  }),

  'company-non-resident': account({
    title: 'Company, non-resident (Germany, GmbH)',
    username: 'nordlicht',
    ips: ['192.0.2.77', '192.0.2.78', '2001:db8:1::15'],
    location: 'Berlin, Germany',
    language: 'en',
    theme: 'auto',
    currency: 'EUR',
    balance: 1_310.4,
    keyPrefix: 'nl',
    team: [
      { email: 'jonas.becker@nordlicht.example', name: 'Jonas Becker' },
      { email: 'lena.wolf@nordlicht.example', name: 'Lena Wolf' },
      'ci@nordlicht.example',
    ],
    profile: {
      accountType: 'company',
      residency: 'non_resident',
      country: 'DE',
      companyName: 'Nordlicht Hosting GmbH',
      vatin: 'DE812345673',
      authorizedPerson: 'Jonas Becker',
      bankName: 'ING-DiBa AG',
      swift: 'INGDDEFFXXX',
      accountNumber: 'DE44500105175407324931',
      legalAddress: {
        country: 'DE',
        region: 'Berlin',
        city: 'Berlin',
        postcode: '10117',
        line1: 'Friedrichstraße 123',
        line2: '',
      },
      actualAddress: {
        country: 'DE',
        region: 'Berlin',
        city: 'Berlin',
        postcode: '10997',
        line1: 'Schlesische Straße 26',
        line2: 'Aufgang B, 3. OG',
      },
      email: 'billing@nordlicht.example',
      phone: '+493012345678',
      fax: '+493012345679',
      contactPerson: 'Lena Wolf',
      contactEmail: 'lena.wolf@nordlicht.example',
      contactPhone: '+4915112345678',
      verification: 'pending',
    },
    extra: {
      notifications: {
        newsletter: false,
        lowBalance: { enabled: true, threshold: 100 },
        emails: { invoices: 'accounting@nordlicht.example', support: '', complaints: 'legal@nordlicht.example' },
      },
      security: { codeWordSet: false, ipRules: ['192.0.2.0/24', '2001:db8:1::/48'], showLastIp: false, twoFactor: { enabled: false } },
    },
  }),

  'sole-trader': account({
    title: 'Sole trader, resident of Russia',
    username: 'kuznetsov.av',
    ips: ['203.0.113.90', '203.0.113.91', '192.0.2.33'],
    location: 'Podolsk, Russia',
    language: 'ru',
    theme: 'dark',
    currency: 'RUB',
    balance: 7_920,
    keyPrefix: 'ka',
    team: [
      { email: 'kuznetsov.av@example.ru', name: 'Андрей Кузнецов' },
      { email: 'buh.kuznetsov@example.ru', name: 'Ирина Кузнецова' },
      'helper@example.ru',
    ],
    profile: {
      accountType: 'sole_trader',
      residency: 'resident',
      country: 'RU',
      companyName: 'ИП Кузнецов Андрей Викторович',
      inn: '503124568733',
      ogrn: '319508100012347',
      passportNumber: '4612 654321',
      passportIssuedBy: 'ГУ МВД России по Московской области',
      passportIssueDate: '2012-09-18',
      bic: '044525974',
      bankName: 'АО «ТБанк»',
      correspondentAccount: '30101810145250000974',
      settlementAccount: '40802810900001234567',
      legalAddress: ruAddress('Московская обл.', 'Подольск', '142100', 'ул. Кирова, д. 14, кв. 8'),
      actualAddress: ruAddress('Московская обл.', 'Подольск', '142103', 'ул. Фёдорова, д. 32', 'помещение 2'),
      email: 'kuznetsov.av@example.ru',
      phone: '+79261234567',
      contactPerson: 'Кузнецов Андрей Викторович',
      contactEmail: 'kuznetsov.av@example.ru',
      contactPhone: '+79261234567',
      documentsDelivery: 'post',
      verification: 'verified',
    },
  }),

  'state-institution': account({
    title: 'State institution, resident of Russia',
    username: 'fgbu-ncdt',
    ips: ['198.51.100.10', '198.51.100.11', '198.51.100.12'],
    location: 'Moscow, Russia',
    language: 'ru',
    theme: 'light',
    currency: 'RUB',
    balance: 120_000,
    keyPrefix: 'gb',
    team: [
      { email: 'orlova@ncdt.example.ru', name: 'Елена Орлова' },
      { email: 'it@ncdt.example.ru', name: 'Отдел ИТ' },
      'zakupki@ncdt.example.ru',
    ],
    profile: {
      accountType: 'state_institution',
      residency: 'resident',
      country: 'RU',
      companyName: 'ФГБУ «Научный центр цифровых технологий»',
      inn: '7703015620',
      kpp: '770301001',
      ogrn: '1027700123450',
      authorizedPerson: 'Орлова Елена Викторовна',
      position: 'Директор',
      authorizedBy: 'Устава',
      // Treasury details: the bank is the Federal Treasury office, the "personal account" is the
      // institution's account with it, the settlement account is the treasury account.
      bic: '004525988',
      bankName: 'ГУ Банка России по ЦФО//УФК по г. Москве',
      personalAccount: '20736Ц05810',
      settlementAccount: '03214643100000017300',
      legalAddress: ruAddress('г. Москва', 'Москва', '123242', 'ул. Садовая-Кудринская, д. 11, стр. 1'),
      actualAddress: ruAddress('г. Москва', 'Москва', '123242', 'ул. Садовая-Кудринская, д. 11, стр. 1', 'каб. 204'),
      email: 'it@ncdt.example.ru',
      phone: '+74957654321',
      fax: '+74957654322',
      contactPerson: 'Соколов Игорь Петрович',
      contactEmail: 'sokolov@ncdt.example.ru',
      contactPhone: '+79057654321',
      documentsDelivery: 'edo',
      verification: 'verified',
    },
    extra: { billing: { autoRenew: false, currency: 'RUB', paymentWithoutAuth: false } },
  }),

  'billing-individual': account({
    title: 'Billing panel: individual (Netherlands)',
    username: 'jdevries',
    ips: ['192.0.2.200', '192.0.2.201', '2001:db8:42::1'],
    location: 'Amsterdam, Netherlands',
    language: 'en',
    theme: 'light',
    currency: 'EUR',
    balance: 23.1,
    keyPrefix: 'jv',
    team: [
      { email: 'jan.devries@example.nl', name: 'Jan de Vries' },
      { email: 'femke.devries@example.nl', name: 'Femke de Vries' },
      'backup-admin@example.nl',
    ],
    profile: {
      accountType: 'individual',
      residency: 'non_resident',
      country: 'NL',
      lastName: 'de Vries',
      firstName: 'Jan',
      email: 'jan.devries@example.nl',
      phone: '+31612345678',
      postalAddress: {
        country: 'NL',
        region: 'Noord-Holland',
        city: 'Amsterdam',
        postcode: '1017 CT',
        line1: 'Keizersgracht 452',
        line2: '',
      },
    },
  }),

  'billing-company': account({
    title: 'Billing panel: company (France, SAS)',
    username: 'ateliernuage',
    ips: ['198.51.100.140', '198.51.100.141', '192.0.2.90'],
    location: 'Lyon, France',
    language: 'en',
    theme: 'branded',
    currency: 'USD',
    balance: 655,
    keyPrefix: 'at',
    team: [
      { email: 'claire.martin@ateliernuage.example', name: 'Claire Martin' },
      { email: 'hugo.bernard@ateliernuage.example', name: 'Hugo Bernard' },
      'stagiaire@ateliernuage.example',
    ],
    profile: {
      accountType: 'company',
      residency: 'non_resident',
      country: 'FR',
      companyName: 'Atelier Nuage SAS',
      vatin: 'FR16843127655',
      authorizedPerson: 'Claire Martin',
      bankName: 'BNP Paribas',
      swift: 'BNPAFRPPXXX',
      accountNumber: 'FR7630004008280001234567841',
      lastName: 'Martin',
      firstName: 'Claire',
      email: 'billing@ateliernuage.example',
      phone: '+33612345678',
      postalAddress: {
        country: 'FR',
        region: 'Auvergne-Rhône-Alpes',
        city: 'Lyon',
        postcode: '69002',
        line1: '18 rue de la République',
        line2: '',
      },
      legalAddress: {
        country: 'FR',
        region: 'Auvergne-Rhône-Alpes',
        city: 'Lyon',
        postcode: '69002',
        line1: '18 rue de la République',
        line2: '',
      },
      verification: 'pending',
    },
    extra: {
      email: { confirmed: false, pending: 'finance@ateliernuage.example' },
      referral: { status: 'requested' },
      billing: { autoRenew: false, currency: 'USD', paymentWithoutAuth: false },
    },
  }),
};

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** The seeds, frozen: adapters copy them, so one story's edits never leak into another's. */
export const SAMPLE_ACCOUNTS: Readonly<Record<SampleAccountId, SampleAccount>> = deepFreeze(accounts);
