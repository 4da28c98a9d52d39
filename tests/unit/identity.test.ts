import { applicantTypesFor } from '../../db/seed/applicantTypes';
import { idNumberCheckChar, isValidIdNumber, isValidUscc, USCC_CHARSET, usccCheckChar } from '../../workflows/identity';
import { authorisationLetterName, hasAuthorisationLetter } from '../../workflows/parties';

describe('居民身份证号码 (GB 11643-1999)', () => {
  it('accepts numbers whose check character follows ISO 7064 MOD 11-2, X included', () => {
    // Worked by hand: 3·7+3·9+0·10+3·5+0·8+2·4+1·2+9·1+9·6+0·3+0·7+1·9+0·10+1·5+1·8+2·4+3·2 = 182, 182 mod 11 = 6 → '5'.
    expect(idNumberCheckChar('33030219900101123')).toBe('5');
    for (const id of ['330302199001011235', '330302198505051236', '330302199203031234', '330302198807151232', '11010519491231002X']) {
      expect(isValidIdNumber(id)).toBe(true);
    }
  });

  it('refuses a wrong check character, including the README’s old example', () => {
    expect(isValidIdNumber('33030219900101123X')).toBe(false);
    expect(isValidIdNumber('330302199001011237')).toBe(false);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
  });

  it('refuses a birth date that does not exist', () => {
    const withDate = (date: string) => {
      const body = `330302${date}123`;
      return body + idNumberCheckChar(body);
    };
    expect(isValidIdNumber(withDate('19900101'))).toBe(true);
    expect(isValidIdNumber(withDate('20000229'))).toBe(true); // a leap day
    expect(isValidIdNumber(withDate('19000229'))).toBe(false); // 1900 was not a leap year
    expect(isValidIdNumber(withDate('19901301'))).toBe(false);
    expect(isValidIdNumber(withDate('19900431'))).toBe(false);
    expect(isValidIdNumber(withDate('18991231'))).toBe(false);
  });

  it('refuses the wrong length, characters, a lower-case x and a leading zero', () => {
    for (const id of ['', '12345', '33030219900101123', '3303021990010112355', '33030219900101123x', '03030219900101123X', '3303021990O101123X', '330302900101123']) {
      expect(isValidIdNumber(id)).toBe(false);
    }
  });
});

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('uses the 31-character set without I, O, S, V, Z', () => {
    expect(USCC_CHARSET).toHaveLength(31);
    expect(USCC_CHARSET).not.toMatch(/[IOSVZ]/);
  });

  it('accepts the published example 91350100M000100Y43 and codes computed by the MOD 31 rule', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    for (const code of ['91330302MA2AB3C4D5', '91330300MA2HK0E2YG', '91330302MA29XKQ90J']) expect(isValidUscc(code)).toBe(true);
  });

  it('refuses a wrong check character, a character outside the set, lower case and the wrong length', () => {
    for (const code of ['91350100M000100Y44', '91350100M000100Y4', '91350100M000100Y433', '91350100M0001O0Y43', '91350100m000100y43', '91330302MA2AB3C4DZ', '']) {
      expect(isValidUscc(code)).toBe(false);
    }
  });

  it('catches every single-character typo of a valid code', () => {
    const valid = '91330302MA2AB3C4D5';
    for (let i = 0; i < 18; i++) {
      for (const ch of USCC_CHARSET) {
        if (ch === valid[i]) continue;
        expect(isValidUscc(valid.slice(0, i) + ch + valid.slice(i + 1))).toBe(false);
      }
    }
  });
});

describe('parties', () => {
  it('finds the power of attorney under the catalogue’s longer name', () => {
    expect(hasAuthorisationLetter(['申请书', '授权委托书及受托人身份证明'])).toBe(true);
    expect(hasAuthorisationLetter(['申请书'])).toBe(false);
    expect(authorisationLetterName([{ name: '申请书' }, { name: '授权委托书及受托人身份证明' }])).toBe('授权委托书及受托人身份证明');
    expect(authorisationLetterName([{ name: '申请书' }])).toBe('授权委托书');
  });

  it('seeds applicant types: businesses both or organisations, personal certificates persons only', () => {
    expect(applicantTypesFor('药品零售企业许可（单体药店·新办）')).toEqual(['person', 'organisation']);
    expect(applicantTypesFor('药品零售企业许可（连锁门店·新办）')).toEqual(['organisation']);
    expect(applicantTypesFor('食品经营许可（餐饮服务·新办）')).toEqual(['person', 'organisation']);
    expect(applicantTypesFor('食品经营许可（单位食堂·新办）')).toEqual(['organisation']);
    expect(applicantTypesFor('市场主体登记（个体工商户·设立）')).toEqual(['person', 'organisation']);
    expect(applicantTypesFor('市场主体登记（有限责任公司·设立）')).toEqual(['organisation']);
    expect(applicantTypesFor('执业药师注册（首次注册）')).toEqual(['person']);
    expect(applicantTypesFor('婚姻登记（结婚登记）')).toEqual(['person']);
  });
});
