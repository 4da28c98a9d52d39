import { blankFormsOf } from '../../workflows/blankForms';

describe('blank forms of an item', () => {
  it('keeps the forms to fill in and leaves out documents the applicant already holds', () => {
    const m = (...names: string[]) => names.map((name) => ({ name }));
    expect(
      blankFormsOf(m('食品经营许可申请表', '申请人身份证明', '营业执照', '法定代表人任职文件', '授权委托书及受托人身份证明', '家庭收入及财产状况声明', '特种设备使用登记表')),
    ).toEqual(['食品经营许可申请表', '授权委托书', '家庭收入及财产状况声明', '特种设备使用登记表']);
    expect(blankFormsOf(m('营业执照', '经营场所平面图'))).toEqual([]);
  });
});
