import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  canEdit,
  checkProfileChange,
  defaultProfilePolicy,
  missingForPayment,
  Profile,
  ProfilePolicy,
  PROFILE_FIELDS,
  validateBic,
  validateCorrespondentAccount,
  validateIban,
  validateInn,
  validateKpp,
  validateOgrn,
  validateOgrnip,
  validateProfile,
  validateRuPassport,
  validateSettlementAccount,
  validateSwift,
  validateVatin,
  type ValidationResult,
} from '@acct/core';

const reason = (r: ValidationResult) => (r.ok ? 'ok' : r.reason);

/** Every position, every other digit: the single-digit changes of a number. */
function singleDigitChanges(s: string, positions?: number[]) {
  const idx = positions ?? [...s].map((_, i) => i).filter((i) => /\d/.test(s[i]!));
  return fc.tuple(fc.constantFrom(...idx), fc.integer({ min: 1, max: 9 })).map(([i, d]) => {
    const next = String((Number(s[i]) + d) % 10);
    return s.slice(0, i) + next + s.slice(i + 1);
  });
}

describe('Russian identifiers (published numbers)', () => {
  test('INN: Sberbank, Yandex, Gazprom (10 digits) and a person (12)', () => {
    for (const inn of ['7707083893', '7736207543', '7736050003', '500100732259']) assert.equal(reason(validateInn(inn)), 'ok', inn);
    assert.deepEqual(validateInn(' 7707-083 893 '), { ok: true, value: '7707083893' }, 'spaces and dashes are removed');
    assert.deepEqual(validateInn('７７０７０８３８９３'), { ok: true, value: '7707083893' }, 'full-width digits (NFKC)');
    assert.equal(reason(validateInn('7707083894')), 'checksum');
    assert.equal(reason(validateInn('500100732258')), 'checksum');
    assert.equal(reason(validateInn('0000000000')), 'all_zeros');
    assert.equal(reason(validateInn('77070838')), 'length');
    assert.equal(reason(validateInn('77070838x3')), 'format');
    assert.equal(reason(validateInn('')), 'required');
    assert.equal(reason(validateInn('7707083893', 'person')), 'length', 'a person has 12 digits');
    assert.equal(reason(validateInn('500100732259', 'legal')), 'length', 'an organisation has 10 digits');
  });

  test('KPP, OGRN (Sberbank, Yandex), OGRNIP', () => {
    assert.equal(reason(validateKpp('773601001')), 'ok');
    assert.equal(reason(validateKpp('7736AB001')), 'ok', 'reason code may be letters');
    assert.equal(reason(validateKpp('77360100')), 'length');
    assert.equal(reason(validateKpp('000000000')), 'all_zeros');
    for (const ogrn of ['1027700132195', '1027700229193', '1027700070518']) assert.equal(reason(validateOgrn(ogrn)), 'ok', ogrn);
    assert.equal(reason(validateOgrn('1027700132196')), 'checksum');
    assert.equal(reason(validateOgrn('304500116000157')), 'length');
    assert.equal(reason(validateOgrnip('304500116000157')), 'ok');
    assert.equal(reason(validateOgrnip('304500116000158')), 'checksum');
  });

  test('BIC and the accounts keyed with it (Sberbank, Treasury)', () => {
    assert.equal(reason(validateBic('044525225')), 'ok');
    assert.equal(reason(validateBic('004525988')), 'ok', 'treasury BIC');
    assert.equal(reason(validateBic('144525225')), 'format');
    assert.equal(reason(validateCorrespondentAccount('30101810400000000225', '044525225')), 'ok');
    assert.equal(reason(validateCorrespondentAccount('30101810400000000226', '044525225')), 'checksum');
    assert.equal(reason(validateCorrespondentAccount('30101810400000000225', '')), 'bic_required');
    assert.equal(reason(validateSettlementAccount('40702810938000012345', '044525225')), 'ok');
    assert.equal(reason(validateSettlementAccount('40702810938000012345', '044525974')), 'checksum', 'bound to the BIC');
    assert.equal(reason(validateSettlementAccount('03214643100000017300', '004525988')), 'ok');
  });

  test('Russian passport', () => {
    assert.deepEqual(validateRuPassport('45 10 123456'), { ok: true, value: '4510 123456' });
    assert.equal(reason(validateRuPassport('4510 12345')), 'length');
    assert.equal(reason(validateRuPassport('0000 000000')), 'all_zeros');
  });
});

describe('international identifiers (registry examples)', () => {
  test('IBAN: examples of the SWIFT IBAN registry', () => {
    for (const iban of ['DE89370400440532013000', 'GB29NWBK60161331926819', 'FR1420041010050500013M02606', 'NL91ABNA0417164300', 'CH9300762011623852957', 'BE68539007547034']) {
      assert.equal(reason(validateIban(iban)), 'ok', iban);
    }
    assert.deepEqual(validateIban('de89 3704 0044 0532 0130 00'), { ok: true, value: 'DE89370400440532013000' });
    assert.equal(reason(validateIban('DE89370400440532013001')), 'checksum');
    assert.equal(reason(validateIban('DE8937040044053201300')), 'length');
    assert.equal(reason(validateIban('ZZ89370400440532013000')), 'country');
    assert.equal(reason(validateIban('hello')), 'format');
  });

  test('IBAN: the electronic-format example of every country in the SWIFT IBAN registry', () => {
    // One per registry country (89, from the registry's examples): a country missing from the
    // length table would refuse every real IBAN of that country (Portugal did).
    const examples = [
      'DE89370400440532013000', 'GB29NWBK60161331926819', 'FR1420041010050500013M02606', 'NL91ABNA0417164300', 'CH9300762011623852957', 'BE68539007547034',
      'AD1200012030200359100100', 'AE070331234567890123456', 'AL47212110090000000235698741',
      'AT611904300234573201', 'AZ21NABZ00000000137010001944', 'BA391290079401028494', 'BG80BNBG96611020345678',
      'BH67BMAG00001299123456', 'BI4210000100010000332045181', 'BR1800360305000010009795493C1',
      'BY13NBRB3600900000002Z00AB00', 'CR05015202001026284066', 'CY17002001280000001200527600',
      'CZ6508000000192000145399', 'DJ2100010000000154000100186', 'DK5000400440116243',
      'DO28BAGR00000001212453611324', 'EE382200221020145685', 'EG380019000500000000263180002',
      'ES9121000418450200051332', 'FI2112345600000785', 'FK88SC123456789012', 'FO6264600001631634',
      'GE29NB0000000101904917', 'GI75NWBK000000007099453', 'GL8964710001000206', 'GR1601101250000000012300695',
      'GT82TRAJ01020000001210029690', 'HN88CABF00000000000250005469', 'HR1210010051863000160',
      'HU42117730161111101800000000', 'IE29AIBK93115212345678', 'IL620108000000099999999',
      'IQ98NBIQ850123456789012', 'IS140159260076545510730339', 'IT60X0542811101000000123456',
      'JO94CBJO0010000000000131000302', 'KW81CBKU0000000000001234560101', 'KZ86125KZT5004100100',
      'LB62099900000001001901229114', 'LC55HEMM000100010012001200023015', 'LI21088100002324013AA',
      'LT121000011101001000', 'LU280019400644750000', 'LV80BANK0000435195001', 'LY83002048000020100120361',
      'MC5811222000010123456789030', 'MD24AG000225100013104168', 'ME25505000012345678951',
      'MK07250120000058984', 'MN121234123456789123', 'MR1300020001010000123456753',
      'MT84MALT011000012345MTLCAST001S', 'MU17BOMM0101101030300200000MUR', 'NI45BAPR00000013000003558124',
      'NO9386011117947', 'OM810180000001299123456', 'PK36SCBL0000001123456702', 'PL61109010140000071219812874',
      'PS92PALS000000000400123456702', 'PT50000201231234567890154', 'QA58DOHB00001234567890ABCDEFG',
      'RO49AAAA1B31007593840000', 'RS35260005601001611379', 'RU0304452522540817810538091310419',
      'SA0380000000608010167519', 'SC18SSCB11010000000000001497USD', 'SD2129010501234001',
      'SE4550000000058398257466', 'SI56263300012039086', 'SK3112000000198742637541',
      'SM86U0322509800000000270100', 'SO211000001001000100141', 'ST68000100010051845310112',
      'SV62CENR00000000000000700025', 'TL380080012345678910157', 'TN5910006035183598478831',
      'TR330006100519786457841326', 'UA213223130000026007233566001', 'VA59001123000012345678',
      'VG96VPVG0000012345678901', 'XK051212012345678906', 'YE15CBYE0001018861234567891234',
    ];
    assert.equal(new Set(examples.map((i) => i.slice(0, 2))).size, 89);
    for (const iban of examples) assert.equal(reason(validateIban(iban)), 'ok', iban);
    assert.deepEqual(validateIban('PT50 0002 0123 1234 5678 9015 4'), { ok: true, value: 'PT50000201231234567890154' });
    assert.equal(reason(validateIban('PT50000201231234567890155')), 'checksum');
    assert.equal(reason(validateIban('PT5000020123123456789015')), 'length');
  });

  test('SWIFT', () => {
    assert.equal(reason(validateSwift('DEUTDEFF')), 'ok');
    assert.equal(reason(validateSwift('deut de ff 500')), 'ok');
    assert.equal(reason(validateSwift('DEUTDEF')), 'length');
    assert.equal(reason(validateSwift('1EUTDEFF')), 'format');
    // Letters 5 and 6 name the bank's country.
    assert.equal(reason(validateSwift('BNPAFRPPXXX')), 'ok');
    assert.equal(reason(validateSwift('BKKSXKPR')), 'ok');
    assert.equal(reason(validateSwift('DEUTXXFF')), 'country');
    assert.equal(reason(validateSwift('DEUTUKFF')), 'country');
  });

  test('VAT numbers of EU companies, with check digits', () => {
    const valid = ['DE136695976', 'FR40303265045', 'NL004495445B01', 'BE0428759497', 'IT00743110157', 'ATU13585627', 'PL5260250274', 'ESA28015865', 'DK13585628', 'FI20774740', 'SE556188840401', 'PT501964843', 'LU15027442', 'EL094014201', 'SI50223054', 'HU10597190', 'IE6388047V', 'SK2020317068', 'EE100931558', 'HR33392005961'];
    for (const v of valid) assert.equal(reason(validateVatin(v)), 'ok', v);
    assert.deepEqual(validateVatin('136 695 976', 'DE'), { ok: true, value: 'DE136695976' });
    assert.deepEqual(validateVatin('094014201', 'GR'), { ok: true, value: 'EL094014201' }, 'Greece is EL');
    for (const v of ['DE136695977', 'FR41303265045', 'IT00743110158', 'PL5260250275', 'BE0428759498']) assert.equal(reason(validateVatin(v)), 'checksum', v);
    assert.equal(reason(validateVatin('DE13669597')), 'format');
    assert.equal(reason(validateVatin('DE136695976', 'FR')), 'country');
    assert.equal(reason(validateVatin('12345678')), 'country', 'no prefix, no country');
  });

  test('never throw on any input', () => {
    const all = [validateInn, validateKpp, validateOgrn, validateOgrnip, validateBic, validateRuPassport, validateSwift, validateIban, validateVatin];
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.anything()), (v) => {
        for (const f of all) assert.equal(typeof f(v as string).ok, 'boolean');
        assert.equal(typeof validateSettlementAccount(v as string, v as string).ok, 'boolean');
        assert.equal(typeof validateCorrespondentAccount(v as string, '044525225').ok, 'boolean');
      }),
    );
  });
});

describe('single-digit changes are caught where the algorithm guarantees it', () => {
  test('IBAN (mod 97 catches every single-digit error)', () => {
    for (const iban of ['DE89370400440532013000', 'GB29NWBK60161331926819', 'NL91ABNA0417164300']) {
      fc.assert(fc.property(singleDigitChanges(iban), (bad) => reason(validateIban(bad)) !== 'ok'));
    }
  });

  test('bank accounts keyed with the BIC (weights 7, 1, 3 are prime to 10)', () => {
    fc.assert(fc.property(singleDigitChanges('40702810938000012345'), (bad) => reason(validateSettlementAccount(bad, '044525225')) === 'checksum'));
    fc.assert(fc.property(singleDigitChanges('30101810400000000225'), (bad) => reason(validateCorrespondentAccount(bad, '044525225')) === 'checksum'));
  });

  test('INN, OGRN, OGRNIP: a changed check digit', () => {
    fc.assert(fc.property(singleDigitChanges('7707083893', [9]), (bad) => reason(validateInn(bad)) === 'checksum'));
    fc.assert(fc.property(singleDigitChanges('500100732259', [10, 11]), (bad) => reason(validateInn(bad)) === 'checksum'));
    fc.assert(fc.property(singleDigitChanges('1027700132195', [12]), (bad) => reason(validateOgrn(bad)) === 'checksum'));
    fc.assert(fc.property(singleDigitChanges('304500116000157', [14]), (bad) => reason(validateOgrnip(bad)) === 'checksum'));
  });

  test('INN: a changed data digit unless its weighted remainder lands on 10 (mod 11 then mod 10)', () => {
    const w = [2, 4, 10, 3, 5, 9, 4, 6, 8];
    fc.assert(
      fc.property(singleDigitChanges('7707083893', [0, 1, 2, 3, 4, 5, 6, 7, 8]), (bad) => {
        const r = w.reduce((s, x, i) => s + x * Number(bad[i]), 0) % 11;
        return r === 10 || reason(validateInn(bad)) === 'checksum';
      }),
    );
  });
});

/** Fields of each cell of document 002's table (and the read-only discount / verification). */
const MATRIX: Record<string, string[]> = {
  'individual/resident': ['lastName', 'firstName', 'middleName', 'birthDate', 'birthPlace', 'passportNumber', 'passportIssuedBy', 'passportIssueDate', 'postalAddress', 'email', 'phone', 'discount'],
  'individual/non_resident': ['lastName', 'firstName', 'middleName', 'birthDate', 'birthPlace', 'passportNumber', 'passportIssuedBy', 'passportIssueDate', 'postalAddress', 'email', 'phone', 'country', 'discount'],
  'company/resident': ['companyName', 'inn', 'kpp', 'ogrn', 'authorizedPerson', 'position', 'authorizedBy', 'bic', 'bankName', 'correspondentAccount', 'settlementAccount', 'actualAddress', 'legalAddress', 'phone', 'fax', 'contactPerson', 'contactEmail', 'contactPhone', 'documentsDelivery', 'discount', 'verification'],
  'company/non_resident': ['companyName', 'country', 'vatin', 'authorizedPerson', 'bankName', 'swift', 'accountNumber', 'actualAddress', 'legalAddress', 'phone', 'fax', 'contactPerson', 'contactEmail', 'contactPhone', 'discount', 'verification'],
  'sole_trader/resident': ['companyName', 'inn', 'passportNumber', 'passportIssuedBy', 'passportIssueDate', 'bic', 'bankName', 'correspondentAccount', 'settlementAccount', 'actualAddress', 'legalAddress', 'contactPerson', 'contactEmail', 'contactPhone', 'documentsDelivery', 'discount', 'verification'],
  'state_institution/resident': ['companyName', 'inn', 'kpp', 'ogrn', 'authorizedPerson', 'position', 'authorizedBy', 'bic', 'bankName', 'personalAccount', 'settlementAccount', 'actualAddress', 'legalAddress', 'phone', 'fax', 'contactPerson', 'contactEmail', 'contactPhone', 'documentsDelivery', 'discount', 'verification'],
};

describe('profile schema and default policies', () => {
  test('every field id of DESIGN.md is in the schema', () => {
    const keys = Object.keys(Profile.def.shape);
    for (const id of PROFILE_FIELDS) assert.ok(keys.includes(id), id);
  });

  test('each cell of the control panel matrix has exactly the fields of its table', () => {
    for (const [cell, fields] of Object.entries(MATRIX)) {
      const [type, residency] = cell.split('/') as ['individual', 'resident'];
      const policy = ProfilePolicy.parse(defaultProfilePolicy(type, residency));
      assert.deepEqual(Object.keys(policy.fields).sort(), [...fields].sort(), cell);
    }
  });

  test('document rules: INN / VATIN filled once, company data for the main administrator, names of a personal account fixed once given', () => {
    for (const [type, residency, id] of [['company', 'resident', 'inn'], ['sole_trader', 'resident', 'inn'], ['state_institution', 'resident', 'inn'], ['company', 'non_resident', 'vatin']] as const)
      assert.equal(defaultProfilePolicy(type, residency).fields[id]!.editable, 'once', `${type} ${residency} ${id}`);
    assert.equal(defaultProfilePolicy('company', 'resident', 'billing').fields.vatin!.editable, 'once');
    for (const id of ['lastName', 'firstName', 'middleName']) assert.equal(defaultProfilePolicy('individual', 'non_resident').fields[id]!.editable, 'once', id);
    assert.equal(defaultProfilePolicy('company', 'non_resident').fields.country!.editable, false);
    assert.equal(defaultProfilePolicy('state_institution').fields.kpp!.editable, 'admin');
    assert.equal(defaultProfilePolicy('sole_trader').fields.bic!.editable, 'admin');
    assert.equal(defaultProfilePolicy('company').fields.kpp!.confirm, true);
  });

  test('billing panel: required for payment, username and country read only', () => {
    const p = defaultProfilePolicy('individual', 'non_resident', 'billing');
    const rfp = Object.entries(p.fields).filter(([, f]) => f.requiredForPayment).map(([k]) => k).sort();
    assert.deepEqual(rfp, ['email', 'firstName', 'lastName', 'phone', 'postalAddress']);
    assert.equal(p.fields.username!.editable, false);
    assert.equal(p.fields.country!.editable, false);
    assert.equal(p.fields.accountType!.editable, true);
    assert.deepEqual(missingForPayment({ lastName: 'X', postalAddress: { city: 'Y' } }, p), ['firstName', 'email', 'phone', 'postalAddress.line1']);
  });

  test('a field policy fills omitted (or undefined) flags with the common case and refuses wrong ones', () => {
    const common = { visible: true, required: false, requiredForPayment: false, editable: true, confirm: false };
    assert.deepEqual(ProfilePolicy.parse({ fields: { a: {} } }).fields.a, common);
    assert.deepEqual(ProfilePolicy.parse({ fields: { a: { visible: undefined, editable: 'admin', confirm: true } } }).fields.a, {
      ...common,
      editable: 'admin',
      confirm: true,
    });
    assert.equal(ProfilePolicy.parse({ fields: { a: { editable: 'once' } } }).fields.a!.editable, 'once');
    for (const bad of [{ visible: 'yes' }, { editable: 'owner' }, { editable: 'twice' }, { confirm: 1 }, null])
      assert.equal(ProfilePolicy.safeParse({ fields: { a: bad } }).success, false, JSON.stringify(bad));
    assert.equal(Profile.safeParse({ documentsDelivery: '' }).success, true);
    assert.equal(Profile.safeParse({ documentsDelivery: 'fax' }).success, false);
  });
});

describe('cross-field rules', () => {
  const company = defaultProfilePolicy('company', 'resident');
  const base: Profile = {
    accountType: 'company', residency: 'resident', companyName: 'X', inn: '7707083893', kpp: '773601001', ogrn: '1027700132195',
    bic: '044525225', correspondentAccount: '30101810400000000225', settlementAccount: '40702810938000012345',
  };

  test('a valid legal entity passes; accounts are checked against the BIC', () => {
    assert.deepEqual(validateProfile(base, company, { role: 'owner' }), {});
    assert.deepEqual(validateProfile({ ...base, bic: '044525974' }, company, { role: 'owner' }), { correspondentAccount: 'bic_mismatch', settlementAccount: 'checksum' });
  });

  test('KPP required for legal entities and state institutions; OGRNIP for sole traders', () => {
    assert.deepEqual(validateProfile({ ...base, kpp: '' }, company, { role: 'owner' }), { kpp: 'required' });
    const p = { fields: { ogrn: { visible: true, required: false, requiredForPayment: false, editable: true, confirm: false } } };
    assert.deepEqual(validateProfile({ accountType: 'sole_trader', ogrn: '1027700132195' }, p), { ogrn: 'length' });
    assert.deepEqual(validateProfile({ accountType: 'sole_trader', ogrn: '304500116000157' }, p), {});
    assert.deepEqual(validateProfile({ accountType: 'company', inn: '500100732259' }, { fields: { inn: p.fields.ogrn } }), { inn: 'length' });
  });

  test('fields the viewer cannot edit are not judged; custom fields are', () => {
    assert.deepEqual(validateProfile({ ...base, kpp: 'x' }, company, { role: 'admin' }), {});
    const policy = ProfilePolicy.parse({
      fields: {},
      custom: [
        { id: 'taxExempt', label: 'Tax exempt', type: 'checkbox' },
        { id: 'poNumber', label: { en: 'PO number' }, type: 'text', required: true, pattern: 'PO-\\d+' },
      ],
    });
    assert.deepEqual(validateProfile({ custom: {} }, policy), { 'custom.poNumber': 'required' });
    assert.deepEqual(validateProfile({ custom: { poNumber: 'PO-x' } }, policy), { 'custom.poNumber': 'pattern' });
  });

  test('changes: read-only refused, filled confirm fields need a ticket', () => {
    const r = checkProfileChange(base, { ...base, inn: '7736207543', kpp: '773601002', fax: '+7495' }, company, 'owner');
    assert.deepEqual(r.errors, { inn: 'read_only' });
    assert.deepEqual(r.confirm, ['kpp']);
    assert.deepEqual(checkProfileChange(base, { ...base, kpp: '773601002' }, company, 'user').errors, { kpp: 'read_only' });
  });

  test("'once' fields: anyone fills them while the stored value is empty, nobody changes them after", () => {
    assert.equal(canEdit({ editable: 'once' }, 'user', ''), true);
    assert.equal(canEdit({ editable: 'once' }, 'owner', '7707083893'), false);
    assert.equal(canEdit({ editable: 'once' }, undefined, undefined), true);
    const empty = { ...base, inn: '' };
    const filled = { ...base, inn: '7736207543' };
    for (const role of ['owner', 'user'] as const) assert.deepEqual(checkProfileChange(empty, filled, company, role), { errors: {}, confirm: [] }, role);
    assert.deepEqual(checkProfileChange(filled, { ...base, inn: '7707083893' }, company, 'owner').errors, { inn: 'read_only' });
    assert.deepEqual(checkProfileChange(filled, empty, company, 'owner').errors, { inn: 'read_only' });
    // Judged while it can be filled (against the stored profile), not once it is fixed.
    assert.deepEqual(validateProfile({ ...base, inn: '7707083890' }, company, { role: 'owner', saved: empty }), { inn: 'checksum' });
    assert.deepEqual(validateProfile({ ...base, inn: '7707083890' }, company, { role: 'owner', saved: { ...base, inn: '7707083890' } }), {});
    const person = defaultProfilePolicy('individual', 'resident');
    assert.deepEqual(checkProfileChange({ lastName: '' }, { lastName: 'Иванова' }, person, 'user').errors, {});
    assert.deepEqual(checkProfileChange({ lastName: 'Иванова' }, { lastName: 'Петрова' }, person, 'owner').errors, { lastName: 'read_only' });
    const custom = ProfilePolicy.parse({ fields: {}, custom: [{ id: 'contract', label: 'Contract', type: 'text', editable: 'once', required: true }] });
    assert.deepEqual(validateProfile({ custom: {} }, custom, { saved: { custom: {} } }), { 'custom.contract': 'required' });
    assert.deepEqual(checkProfileChange({ custom: { contract: 'A-1' } }, { custom: { contract: 'A-2' } }, custom, 'owner').errors, { 'custom.contract': 'read_only' });
  });
});
