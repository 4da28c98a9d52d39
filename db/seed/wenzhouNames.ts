/**
 * Name table of the Wenzhou jurisdictions used by the seed data.
 *
 * County-level units and towns/streets carry their real names and their real
 * codes from the national statistical division code table (统计用区划代码).
 * The 76 towns are a selection of Wenzhou's ~180 乡镇/街道, spread over the
 * 12 county-level units. Village/community names are real where known and
 * otherwise written in the local style; their 3-digit codes are assigned by
 * the builder (communities 001…, villages 201…, as the national table does).
 *
 * 龙港市 has had no towns since it became a city in 2019: the city
 * administers its communities directly, which the national table expresses
 * with the pseudo-town 330383198 (直辖村级区划). It is kept as such here.
 */

export interface TownRow {
  /** 9 digits: county6 + town3. */
  code9: string;
  name: string;
  nameEn: string;
  /** Overrides the default `${name}便民服务中心`. */
  centreName?: string;
  /** Community (…社区) and village (…村) names under the town. */
  villages: string[];
}

export interface CountyRow {
  code6: string;
  name: string;
  nameEn: string;
  towns: TownRow[];
}

const t = (code9: string, name: string, nameEn: string, villages: string[], centreName?: string): TownRow =>
  centreName ? { code9, name, nameEn, villages, centreName } : { code9, name, nameEn, villages };

export const PROVINCE = { code: '330000000000', name: '浙江省', nameEn: 'Zhejiang Province', centreName: '浙江省政务服务中心' };
export const CITY = { code: '330300000000', name: '温州市', nameEn: 'Wenzhou', centreName: '温州市行政审批与公共服务中心' };

export const COUNTIES: CountyRow[] = [
  {
    code6: '330302', name: '鹿城区', nameEn: 'Lucheng District',
    towns: [
      t('330302006', '五马街道', 'Wuma Subdistrict', ['安澜社区', '墨池社区', '谢池社区', '朔门社区']),
      t('330302023', '七都街道', 'Qidu Subdistrict', ['江都社区', '上沙村']),
      t('330302024', '滨江街道', 'Binjiang Subdistrict', ['灰桥社区', '洪殿社区']),
      t('330302025', '南汇街道', 'Nanhui Subdistrict', ['万源社区', '桥儿头社区']),
      t('330302026', '松台街道', 'Songtai Subdistrict', ['水心社区', '郭公山社区']),
      t('330302027', '双屿街道', 'Shuangyu Subdistrict', ['营楼桥社区', '牛岭社区']),
      t('330302029', '大南街道', 'Danan Subdistrict', ['虞师里社区', '花柳塘社区']),
      t('330302030', '蒲鞋市街道', 'Puxieshi Subdistrict', ['蒋家桥社区', '横河社区']),
      t('330302102', '藤桥镇', 'Tengqiao Town', ['潮埠村', '石埠村']),
    ],
  },
  {
    code6: '330303', name: '龙湾区', nameEn: 'Longwan District',
    towns: [
      t('330303001', '永中街道', 'Yongzhong Subdistrict', ['永昌社区', '新城社区']),
      t('330303002', '蒲州街道', 'Puzhou Subdistrict', ['蒲州社区', '上江村']),
      t('330303003', '海滨街道', 'Haibin Subdistrict', ['宁村村', '蓝田村']),
      t('330303006', '状元街道', 'Zhuangyuan Subdistrict', ['状元社区', '三郎桥村']),
    ],
  },
  {
    code6: '330304', name: '瓯海区', nameEn: 'Ouhai District',
    towns: [
      t('330304001', '景山街道', 'Jingshan Subdistrict', ['景山社区', '净水社区']),
      t('330304002', '梧田街道', 'Wutian Subdistrict', ['老殿后村', '西塘村']),
      t('330304003', '南白象街道', 'Nanbaixiang Subdistrict', ['白象社区', '横港头村']),
      t('330304004', '茶山街道', 'Chashan Subdistrict', ['茶山社区', '山根村']),
      t('330304005', '娄桥街道', 'Louqiao Subdistrict', ['娄桥社区', '东风村']),
      t('330304007', '三垟街道', 'Sanyang Subdistrict', ['丹东村', '池底村', '上垟村']),
      t('330304008', '瞿溪街道', 'Quxi Subdistrict', ['瞿溪社区', '雄溪村']),
      t('330304108', '泽雅镇', 'Zeya Town', ['泽雅村', '五凤垟村']),
    ],
  },
  {
    code6: '330305', name: '洞头区', nameEn: 'Dongtou District',
    towns: [
      t('330305001', '北岙街道', "Bei'ao Subdistrict", ['城中社区', '后垅村']),
      t('330305003', '东屏街道', 'Dongping Subdistrict', ['东屏社区', '东岙村']),
      t('330305004', '元觉街道', 'Yuanjue Subdistrict', ['元觉社区', '花岗村']),
      t('330305101', '大门镇', 'Damen Town', ['大门社区', '小荆村']),
    ],
  },
  {
    code6: '330324', name: '永嘉县', nameEn: 'Yongjia County',
    towns: [
      t('330324001', '东城街道', 'Dongcheng Subdistrict', ['下塘社区', '浦东村']),
      t('330324002', '北城街道', 'Beicheng Subdistrict', ['北城社区', '寺前村']),
      t('330324003', '南城街道', 'Nancheng Subdistrict', ['南城社区', '塘头村']),
      t('330324009', '瓯北街道', "Oubei Subdistrict", ['浦西社区', '双塔村']),
      t('330324102', '桥头镇', 'Qiaotou Town', ['桥头社区', '白垟村']),
      t('330324108', '岩头镇', 'Yantou Town', ['岩头社区', '芙蓉村', '苍坡村']),
      t('330324109', '枫林镇', 'Fenglin Town', ['枫林社区', '孤山村']),
    ],
  },
  {
    code6: '330326', name: '平阳县', nameEn: 'Pingyang County',
    towns: [
      t('330326100', '昆阳镇', 'Kunyang Town', ['城东社区', '城西社区', '坡南社区']),
      t('330326101', '鳌江镇', "Aojiang Town", ['梅园社区', '江屿村']),
      t('330326102', '水头镇', 'Shuitou Town', ['水头社区', '新联村']),
      t('330326103', '萧江镇', 'Xiaojiang Town', ['萧江社区', '塘川村']),
      t('330326105', '腾蛟镇', 'Tengjiao Town', ['腾蛟社区', '带溪村']),
      t('330326107', '山门镇', 'Shanmen Town', ['山门社区', '畴溪村']),
      t('330326117', '万全镇', 'Wanquan Town', ['万全社区', '郑楼村']),
    ],
  },
  {
    code6: '330327', name: '苍南县', nameEn: 'Cangnan County',
    towns: [
      t('330327100', '灵溪镇', 'Lingxi Town', ['城中社区', '城东社区', '渡龙村']),
      t('330327103', '宜山镇', 'Yishan Town', ['宜山社区', '沪山村']),
      t('330327104', '钱库镇', 'Qianku Town', ['钱库社区', '括山村']),
      t('330327107', '金乡镇', 'Jinxiang Town', ['城门社区', '石砰村']),
      t('330327113', '桥墩镇', 'Qiaodun Town', ['桥墩社区', '碗窑村']),
      t('330327116', '矾山镇', 'Fanshan Town', ['矾山社区', '福德湾村']),
      t('330327118', '马站镇', 'Mazhan Town', ['马站社区', '蒲城村']),
    ],
  },
  {
    code6: '330328', name: '文成县', nameEn: 'Wencheng County',
    towns: [
      t('330328100', '大峃镇', 'Daxue Town', ['城东社区', '龙川村']),
      t('330328101', '百丈漈镇', 'Baizhangji Town', ['百丈漈社区', '垟头村']),
      t('330328102', '南田镇', 'Nantian Town', ['南田社区', '武阳村']),
      t('330328105', '珊溪镇', 'Shanxi Town', ['珊溪社区', '坦歧村']),
      t('330328107', '玉壶镇', 'Yuhu Town', ['玉壶社区', '外垟村']),
    ],
  },
  {
    code6: '330329', name: '泰顺县', nameEn: 'Taishun County',
    towns: [
      t('330329100', '罗阳镇', 'Luoyang Town', ['城中社区', '城西社区', '洲岭村']),
      t('330329101', '司前畲族镇', 'Siqian She Ethnic Town', ['司前社区', '里光村']),
      t('330329103', '筱村镇', 'Xiaocun Town', ['筱村社区', '徐岙底村']),
      t('330329104', '泗溪镇', 'Sixi Town', ['泗溪社区', '下桥村']),
      t('330329106', '雅阳镇', 'Yayang Town', ['雅阳社区', '承天村']),
    ],
  },
  {
    code6: '330381', name: '瑞安市', nameEn: "Rui'an",
    towns: [
      t('330381001', '安阳街道', 'Anyang Subdistrict', ['虹桥社区', '万松社区']),
      t('330381002', '玉海街道', 'Yuhai Subdistrict', ['解放社区', '忠义街社区']),
      t('330381003', '锦湖街道', 'Jinhu Subdistrict', ['锦湖社区', '滨江社区']),
      t('330381004', '东山街道', 'Dongshan Subdistrict', ['东山社区', '埭头村']),
      t('330381005', '上望街道', 'Shangwang Subdistrict', ['上望社区', '薛里村']),
      t('330381007', '莘塍街道', 'Xincheng Subdistrict', ['莘塍社区', '董田村']),
      t('330381009', '飞云街道', 'Feiyun Subdistrict', ['飞云社区', '孙桥村']),
      t('330381101', '塘下镇', 'Tangxia Town', ['塘下社区', '韩田村', '场桥村']),
      t('330381116', '马屿镇', 'Mayu Town', ['马屿社区', '篁社村']),
    ],
  },
  {
    code6: '330382', name: '乐清市', nameEn: 'Yueqing',
    towns: [
      t('330382001', '城东街道', 'Chengdong Subdistrict', ['城东社区', '西门村']),
      t('330382002', '乐成街道', 'Yuecheng Subdistrict', ['乐成社区', '石马村']),
      t('330382003', '城南街道', 'Chengnan Subdistrict', ['城南社区', '宁康村']),
      t('330382005', '翁垟街道', 'Wengyang Subdistrict', ['翁垟社区', '地团村']),
      t('330382006', '白石街道', 'Baishi Subdistrict', ['白石社区', '中雁村']),
      t('330382101', '大荆镇', 'Dajing Town', ['大荆社区', '下山头村']),
      t('330382104', '雁荡镇', 'Yandang Town', ['雁荡社区', '响岭头村']),
      t('330382108', '虹桥镇', 'Hongqiao Town', ['虹桥社区', '瑶岙村']),
      t('330382114', '柳市镇', 'Liushi Town', ['前街社区', '长虹村']),
      t('330382115', '北白象镇', 'Beibaixiang Town', ['北白象社区', '高岙村']),
    ],
  },
  {
    code6: '330383', name: '龙港市', nameEn: 'Longgang',
    towns: [
      t('330383198', '龙港市直辖社区', 'Longgang directly administered communities',
        ['湖前社区', '舥艚社区', '芦浦社区'], '龙港市社区便民服务中心'),
    ],
  },
];
