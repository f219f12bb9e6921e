#!/usr/bin/env python3
"""Writes the Office sample documents of the solution templates (standard library only).

templates/hr-policy-assistant/knowledge/handbook/employee-handbook.docx and leave-table.xlsx
are made from the texts below, so that their content can be read and changed in review.
The zip entries carry a fixed date: running this again gives the same bytes.
    python3 scripts/make-template-office-files.py
"""
import os
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
OUT = os.path.join(ROOT, 'templates', 'hr-policy-assistant', 'knowledge', 'handbook')

HANDBOOK = [
    ('Title', '云杉数科（杭州）有限公司 员工手册（2026 年版）'),
    ('', '本手册适用于与公司签订劳动合同的全体员工，自 2026 年 1 月 1 日起施行。手册与国家法律法规不一致的，以法律法规为准。'),
    ('Heading1', '第一章 工作时间与考勤'),
    ('', '第一条 公司实行标准工时制，工作日为周一至周五，核心工作时间为 10:00–16:00。员工可在 8:30–10:00 之间弹性到岗，每日工作满 8 小时（不含午休 1 小时）。'),
    ('', '第二条 员工通过“云杉 OA”打卡。忘记打卡的，应在 3 个工作日内提交补卡申请并由直属主管确认，每月补卡不超过 3 次。'),
    ('', '第三条 因工作需要加班的，须事先在 OA 提交加班申请并经主管批准。工作日加班优先安排同等时长调休，调休须在 3 个月内使用；无法调休的按国家规定支付加班费。'),
    ('Heading1', '第二章 休假'),
    ('', '第四条 年休假：员工累计工作满 1 年不满 10 年的，年休假 5 天；满 10 年不满 20 年的，10 天；满 20 年的，15 天。在此基础上，公司另外给予在本公司每服务满 1 年增加 1 天的福利年假，福利年假最多 5 天。'),
    ('', '第五条 年休假以半天为最小单位，须至少提前 3 个工作日在 OA 申请。当年未休完的年休假可顺延至次年 3 月 31 日，逾期未休且非因公司原因的，视为自动放弃。'),
    ('', '第六条 病假须提供二级及以上医院出具的病假证明。每年前 5 天病假按全额工资发放，超过部分按国家规定的病假工资标准发放。'),
    ('', '第七条 婚假、产假、陪产假、育儿假等按《浙江省人口与计划生育条例》及公司《假期额度表》执行，请假时须在 OA 上传相关证明。'),
    ('Heading1', '第三章 薪酬与福利'),
    ('', '第八条 工资于每月 10 日发放上一自然月的工资，遇节假日提前至最近的工作日。'),
    ('', '第九条 公司为员工缴纳五险一金，住房公积金缴存比例为 12%。'),
    ('', '第十条 员工每年可享受一次免费体检；每月发放餐补 600 元、通讯补贴 200 元，随工资发放。'),
    ('Heading1', '第四章 差旅与报销'),
    ('', '第十一条 出差须事先在 OA 提交出差申请。住宿标准：北京、上海、广州、深圳每晚不超过 600 元，其他城市每晚不超过 450 元；出差补助每天 100 元。'),
    ('', '第十二条 费用报销须在费用发生后 30 天内提交，附合规发票；超过 60 天提交的，财务部不予受理。'),
    ('Heading1', '第五章 远程办公'),
    ('', '第十三条 转正后的员工经主管同意，每周可远程办公不超过 2 天。远程办公期间应在核心工作时间内保持企业微信在线，并按时参加会议。'),
    ('', '第十四条 远程办公须使用公司配发的电脑并连接公司 VPN，不得在公共场所处理含客户数据的文件。'),
    ('Heading1', '第六章 离职'),
    ('', '第十五条 试用期员工提前 3 天、正式员工提前 30 天以书面形式提出离职申请。'),
    ('', '第十六条 离职员工须在最后工作日前完成工作交接，归还电脑、门禁卡等公司财物。公司在最后工作日后 15 日内出具离职证明，当月工资在下一个发薪日结清。'),
]

LEAVE_HEADER = ['假期 Leave type', '天数 Days', '工资 Pay', '提前申请 Notice', '所需材料 Documents', '备注 Notes']
LEAVE_ROWS = [
    ['年休假 Annual leave', '法定 5/10/15 天，另加福利年假每满 1 年 +1 天（最多 5 天） Statutory 5/10/15 days plus 1 company day per full year of service (up to 5)',
     '全额 Full pay', '3 个工作日 3 working days', '无 None',
     '未休完可顺延至次年 3 月 31 日 Unused days carry over until 31 March of the next year'],
    ['病假 Sick leave', '按医嘱 As certified', '前 5 天全额 Full pay for the first 5 days a year', '当天告知主管 Tell your manager the same day',
     '二级及以上医院病假证明 Sick note from a grade-2 hospital or above', ''],
    ['婚假 Marriage leave', '13 天 13 days', '全额 Full pay', '2 周 2 weeks', '结婚证 Marriage certificate', '领证后 1 年内休完 Take within 1 year of registration'],
    ['产假 Maternity leave', '158 天 158 days', '生育津贴 Maternity allowance', '1 个月 1 month', '医院证明 Hospital certificate', '难产或多胞胎另加 15 天 Plus 15 days for a difficult birth or each extra baby'],
    ['陪产假 Paternity leave', '15 天 15 days', '全额 Full pay', '1 周 1 week', '出生医学证明 Birth certificate', '子女出生后 3 个月内休完 Take within 3 months of the birth'],
    ['育儿假 Childcare leave', '每年 10 天 10 days a year', '全额 Full pay', '3 个工作日 3 working days', '户口本或出生证明 Household register or birth certificate', '子女 3 周岁前 Until the child turns 3'],
    ['丧假 Bereavement leave', '3 天 3 days', '全额 Full pay', '当天告知主管 Tell your manager the same day', '相关证明 Proof', '直系亲属 Immediate family'],
]

STAMP = (2026, 1, 1, 0, 0, 0)


def write_zip(path, parts):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode('utf-8'))


def docx():
    W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = []
    for style, text in HANDBOOK:
        props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ''
        body.append(f'<w:p>{props}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>')
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{"".join(body)}</w:body></w:document>'
    write_zip(os.path.join(OUT, 'employee-handbook.docx'), [
        ('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
        ('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
        ('word/document.xml', document),
    ])


def column(i):
    return chr(ord('A') + i)


def xlsx():
    rows = []
    for r, values in enumerate([LEAVE_HEADER] + LEAVE_ROWS, start=1):
        cells = ''.join(f'<c r="{column(c)}{r}" t="inlineStr"><is><t>{escape(v)}</t></is></c>' for c, v in enumerate(values) if v)
        rows.append(f'<row r="{r}">{cells}</row>')
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             f'<sheetData>{"".join(rows)}</sheetData></worksheet>')
    write_zip(os.path.join(OUT, 'leave-table.xlsx'), [
        ('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
         '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
        ('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        ('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
         'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="假期额度 Leave" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        ('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
        ('xl/worksheets/sheet1.xml', sheet),
    ])


if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    docx()
    xlsx()
    print('wrote', os.path.relpath(OUT, ROOT))
