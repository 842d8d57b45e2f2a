<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AdjudicationView</name>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="49"/>
        <source>Adjudication</source>
        <translation>التحكيم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="86"/>
        <source>Where the annotators differ</source>
        <translation>مواضع اختلاف المُعلِّمين</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="88"/>
        <source>Versions</source>
        <translation>النسخ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="116"/>
        <source>Next disagreement</source>
        <translation>الخلاف التالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="117"/>
        <source>Previous disagreement</source>
        <translation>الخلاف السابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="118"/>
        <source>Reject</source>
        <translation>رفض</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="119"/>
        <source>Accept all that agree</source>
        <translation>قبول كل ما اتُّفق عليه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="120"/>
        <source>Adjudication done</source>
        <translation>التحكيم مُنجَز</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="122"/>
        <source>Accept version %1</source>
        <translation>قبول النسخة %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="125"/>
        <source>Gold %1 from the selection</source>
        <translation>مقطع %1 مرجعي من التحديد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="127"/>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="128"/>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="161"/>
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="161"/>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="82"/>
        <location filename="../../annotator/ui/adjudication_view.py" line="161"/>
        <source>done</source>
        <translation>مُنجَز</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="77"/>
        <source>next / previous disagreement</source>
        <translation>الخلاف التالي / السابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="78"/>
        <source>accept that version</source>
        <translation>قبول تلك النسخة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="79"/>
        <source>reject</source>
        <translation>رفض</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="80"/>
        <source>accept all that agree</source>
        <translation>قبول كل ما اتُّفق عليه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="81"/>
        <source>your own gold span from the selection</source>
        <translation>مقطع مرجعي من عندك على التحديد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="83"/>
        <source>undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="162"/>
        <source>agree</source>
        <translation>اتفاق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="162"/>
        <source>attributes differ</source>
        <translation>اختلاف في السمات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="162"/>
        <source>partial</source>
        <translation>جزئي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="163"/>
        <source>conflict</source>
        <translation>تعارض</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="170"/>
        <source>%1 of %2 settled · adjudication %3</source>
        <translation>حُسم %1 من %2 · التحكيم: %3</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="230"/>
        <location filename="../../annotator/ui/adjudication_view.py" line="235"/>
        <source>rejected</source>
        <translation>مرفوض</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="230"/>
        <location filename="../../annotator/ui/adjudication_view.py" line="235"/>
        <source>in gold</source>
        <translation>في الطبقة المرجعية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="310"/>
        <source>No disagreement left to settle.</source>
        <translation>لم يبقَ خلاف يحتاج إلى حسم.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="324"/>
        <source>Nothing that everyone agrees on is left to accept.</source>
        <translation>لم يبقَ ما يتفق عليه الجميع لقبوله.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="334"/>
        <source>Gold %1 «%2»</source>
        <translation>مقطع %1 مرجعي «%2»</translation>
    </message>
</context>
<context>
    <name>AgreementView</name>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="40"/>
        <source>Agreement</source>
        <translation>الاتفاق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="46"/>
        <source>all labels</source>
        <translation>كل الوسوم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="48"/>
        <source>α (all annotators)</source>
        <translation>α (جميع المُعلِّمين)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="55"/>
        <source>span F1, exact</source>
        <translation>F1 للمقاطع، تطابق تام</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="55"/>
        <source>span F1, overlap</source>
        <translation>F1 للمقاطع، تداخل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="55"/>
        <source>relation F1</source>
        <translation>F1 للروابط</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="65"/>
        <source>%1 document(s), %2 tokens; annotators: %3</source>
        <translation>عدد المقالات: %1، عدد الوحدات النصية: %2؛ المُعلِّمون: %3</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="69"/>
        <source>Token-level agreement (Krippendorff&apos;s α, Cohen&apos;s κ per pair); untagged tokens are a category of their own</source>
        <translation>الاتفاق على مستوى الوحدات النصية (α لكريبندورف، وκ لكوهين لكل زوج)؛ الوحدات غير الموسومة فئة قائمة بذاتها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="71"/>
        <source>Span and relation agreement per pair</source>
        <translation>الاتفاق على المقاطع والروابط لكل زوج</translation>
    </message>
</context>
<context>
    <name>AttributeEditor</name>
    <message>
        <location filename="../../annotator/ui/attribute_editor.py" line="50"/>
        <location filename="../../annotator/ui/attribute_editor.py" line="101"/>
        <source>No span selected</source>
        <translation>لم يُحدَّد أي مقطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/attribute_editor.py" line="57"/>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
</context>
<context>
    <name>ClaimNetworkView</name>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="141"/>
        <source>Claim network: %1</source>
        <translation>شبكة الادعاءات: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="46"/>
        <source>Legend</source>
        <translation>مفتاح الألوان</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="90"/>
        <source>any</source>
        <translation>أي تاريخ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="92"/>
        <source>&amp;Neighbourhood of the selected claim</source>
        <translation>&amp;جوار الادعاء المحدد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="97"/>
        <source> link(s)</source>
        <translation> رابط</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="98"/>
        <source>Links from the selected claim</source>
        <translation>عدد الروابط من الادعاء المحدد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="99"/>
        <source>&amp;Fit</source>
        <translation>&amp;ملاءمة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="100"/>
        <source>Export S&amp;VG…</source>
        <translation>تصدير S&amp;VG…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="101"/>
        <source>Export &amp;PNG…</source>
        <translation>تصدير &amp;PNG…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="103"/>
        <source>&amp;Source:</source>
        <translation>ال&amp;مصدر:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="103"/>
        <source>&amp;Cluster:</source>
        <translation>ال&amp;عنقود:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="104"/>
        <source>&amp;Outlet:</source>
        <translation>ال&amp;وسيلة:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="104"/>
        <source>F&amp;rom:</source>
        <translation>&amp;من:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="104"/>
        <source>&amp;To:</source>
        <translation>&amp;إلى:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="166"/>
        <source>The project has changed since this picture was drawn: F5 draws it again.</source>
        <translation>تغيّر المشروع منذ رُسمت هذه الصورة: F5 يرسمها من جديد.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="189"/>
        <source>all sources</source>
        <translation>كل المصادر</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="190"/>
        <source>all clusters</source>
        <translation>كل العناقيد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="190"/>
        <source>%1 claims: %2</source>
        <translation>%1 ادعاءات: %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="192"/>
        <source>all outlets</source>
        <translation>كل الوسائل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="245"/>
        <source>Showing the %1 most linked of %2 claims: filter by source, cluster, outlet or date, or focus on a claim&apos;s neighbourhood, to see the others.</source>
        <translation>تُعرض الادعاءات الـ%1 الأكثر ارتباطًا من %2 ادعاء: صفِّ حسب المصدر أو العنقود أو الوسيلة أو التاريخ، أو ركّز على جوار ادعاء، لترى البقية.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="249"/>
        <source>Select a claim first: the neighbourhood is that of the selected claim.</source>
        <translation>حدّد ادعاءً أولًا: الجوار هو جوار الادعاء المحدد.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="270"/>
        <source>%1 of %2 claims, %3 sources, %4 links between claims (%5 contradictions). Click a claim to open its article; the wheel zooms, 0 fits.</source>
        <translation>%1 من %2 ادعاء، %3 مصدر، %4 رابط بين الادعاءات (%5 تناقض). انقر ادعاءً لفتح مقاله؛ العجلة تكبّر، و0 تُلائم العرض.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="279"/>
        <source>Claims by outlet</source>
        <translation>الادعاءات حسب الوسيلة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="283"/>
        <source>other or no outlet</source>
        <translation>وسيلة أخرى أو بلا وسيلة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="286"/>
        <source>Sources by type</source>
        <translation>المصادر حسب النوع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="288"/>
        <source>Links</source>
        <translation>الروابط</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="294"/>
        <source>same claim</source>
        <translation>الادعاء نفسه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="294"/>
        <source>same claim, suggested</source>
        <translation>الادعاء نفسه، مقترح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="322"/>
        <source>Claim «%1» — %2, %3; source: %4</source>
        <translation>الادعاء «%1» — %2، %3؛ المصدر: %4</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="326"/>
        <source>Source %1 (%2): Enter shows its claims only</source>
        <translation>المصدر %1 (%2): مفتاح الإدخال يعرض ادعاءاته فقط</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="362"/>
        <source>Export the claim network</source>
        <translation>تصدير شبكة الادعاءات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="363"/>
        <source>SVG pictures (*.svg)</source>
        <translation>صور SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="363"/>
        <source>PNG pictures (*.png)</source>
        <translation>صور PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="369"/>
        <source>Could not write %1: %2</source>
        <translation>تعذّرت كتابة %1: %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="371"/>
        <source>Written: %1</source>
        <translation>كُتب: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="410"/>
        <source>the SVG file was not written</source>
        <translation>لم يُكتب ملف SVG</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claim_network.py" line="421"/>
        <source>the PNG file was not written</source>
        <translation>لم يُكتب ملف PNG</translation>
    </message>
</context>
<context>
    <name>ClaimsModel</name>
    <message>
        <location filename="../../annotator/ui/claims_view.py" line="45"/>
        <source>Claim</source>
        <translation>الادعاء</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims_view.py" line="46"/>
        <source>Article</source>
        <translation>المقال</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims_view.py" line="47"/>
        <source>Outlet</source>
        <translation>الوسيلة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims_view.py" line="48"/>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims_view.py" line="49"/>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims_view.py" line="50"/>
        <source>Cue</source>
        <translation>عبارة الإسناد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims_view.py" line="51"/>
        <source>Polarity</source>
        <translation>القطبية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims_view.py" line="52"/>
        <source>Certainty</source>
        <translation>درجة اليقين</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims_view.py" line="53"/>
        <source>Check-worthy</source>
        <translation>جدير بالتحقق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims_view.py" line="54"/>
        <source>Cluster</source>
        <translation>العنقود</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims_view.py" line="55"/>
        <source>Supporting</source>
        <translation>المؤيِّدة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims_view.py" line="56"/>
        <source>Contradicting</source>
        <translation>المناقِضة</translation>
    </message>
</context>
<context>
    <name>ClaimsView</name>
    <message>
        <location filename="../../annotator/ui/claims_view.py" line="177"/>
        <source>Open the article at the claim</source>
        <translation>فتح المقال عند الادعاء</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims_view.py" line="184"/>
        <source>Filter: words of the claim, article, outlet, source or cue</source>
        <translation>تصفية: كلمات من الادعاء أو المقال أو الوسيلة أو المصدر أو عبارة الإسناد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims_view.py" line="192"/>
        <source>Claims attributed to %1</source>
        <translation>الادعاءات المنسوبة إلى %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims_view.py" line="193"/>
        <source>Everything attributed to %1, by date; claims that are contradicted are marked.</source>
        <translation>كل ما نُسب إلى %1 مرتبًا بالتاريخ؛ والادعاءات التي ناقضها غيرها مُعلَّمة.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims_view.py" line="199"/>
        <source>Claims</source>
        <translation>الادعاءات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims_view.py" line="204"/>
        <source>Show the source&apos;s claims</source>
        <translation>ادعاءات هذا المصدر</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims_view.py" line="215"/>
        <source>Reading the claims…</source>
        <translation>جارٍ قراءة الادعاءات…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims_view.py" line="234"/>
        <source>%1 of %2 claims · Enter opens the article at the claim · Ctrl+Shift+S: the source&apos;s claims</source>
        <translation>%1 من %2 ادعاء · Enter يفتح المقال عند الادعاء · Ctrl+Shift+S: ادعاءات المصدر</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/claims_view.py" line="252"/>
        <source>Select a claim that has a source first.</source>
        <translation>اختر أولًا ادعاءً له مصدر.</translation>
    </message>
</context>
<context>
    <name>DocumentFilterBar</name>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="194"/>
        <source>All</source>
        <translation>الكل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="194"/>
        <source>New</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="195"/>
        <source>In progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="195"/>
        <source>Done</source>
        <translation>مُنجَز</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="196"/>
        <source>Any label</source>
        <translation>أي وسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="197"/>
        <source>Any adjudication</source>
        <translation>أي حالة تحكيم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="197"/>
        <source>Not adjudicated</source>
        <translation>لم يُحكَّم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="198"/>
        <source>Adjudicating</source>
        <translation>قيد التحكيم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="198"/>
        <source>Adjudicated</source>
        <translation>مُحكَّم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="200"/>
        <source>Tagged by anyone</source>
        <translation>وسمه أي مُعلِّم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="202"/>
        <source>In order</source>
        <translation>بالترتيب الأصلي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="202"/>
        <source>By title</source>
        <translation>حسب العنوان</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="202"/>
        <source>By status</source>
        <translation>حسب الحالة</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="89"/>
        <source>Finished by: %1</source>
        <translation>أنجزه: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="98"/>
        <source>New</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="99"/>
        <source>In progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="100"/>
        <source>Done</source>
        <translation>مُنجَز</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="40"/>
        <location filename="../../annotator/ui/export_dialog.py" line="113"/>
        <location filename="../../annotator/ui/export_dialog.py" line="117"/>
        <location filename="../../annotator/ui/export_dialog.py" line="128"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="47"/>
        <source>all layers</source>
        <translation>كل الطبقات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="48"/>
        <source>gold</source>
        <translation>الطبقة المرجعية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="53"/>
        <source>all documents</source>
        <translation>كل المقالات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="54"/>
        <source>documents marked done</source>
        <translation>المقالات المُنجَزة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="55"/>
        <source>documents in progress</source>
        <translation>المقالات قيد العمل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="58"/>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="67"/>
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="68"/>
        <source>Layer</source>
        <translation>الطبقة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="69"/>
        <source>Documents</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="70"/>
        <source>Save to</source>
        <translation>الحفظ في</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="86"/>
        <source>New folder for the export</source>
        <translation>مجلد جديد للتصدير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="88"/>
        <source>Export to</source>
        <translation>التصدير إلى</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="94"/>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="94"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="112"/>
        <source>Export cancelled; nothing was written.</source>
        <translation>أُلغي التصدير؛ لم يُكتب أي شيء.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="122"/>
        <source>Exported %1 document(s), %2 span(s), %3 relation(s) to %4.</source>
        <translation>اكتمل التصدير إلى %4 — المقالات: %1، المقاطع: %2، الروابط: %3.</translation>
    </message>
</context>
<context>
    <name>GuidelinesPane</name>
    <message>
        <location filename="../../annotator/ui/guidelines_pane.py" line="28"/>
        <location filename="../../annotator/ui/guidelines_pane.py" line="95"/>
        <source>Guidelines</source>
        <translation>الإرشادات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/guidelines_pane.py" line="41"/>
        <source>Edit</source>
        <translation>تحرير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/guidelines_pane.py" line="45"/>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/guidelines_pane.py" line="48"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/guidelines_pane.py" line="69"/>
        <source>The project&apos;s guidelines</source>
        <translation>إرشادات المشروع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/guidelines_pane.py" line="69"/>
        <source>Default guidelines (a reviewer can replace them)</source>
        <translation>الإرشادات الافتراضية (يمكن للمراجع استبدالها)</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="45"/>
        <source>Who is working?</source>
        <translation>مَن يعمل الآن؟</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="53"/>
        <source>annotator</source>
        <translation>مُعلِّم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="54"/>
        <source>reviewer</source>
        <translation>مُراجِع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="60"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="61"/>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="31"/>
        <source>Import articles or annotated data</source>
        <translation>استيراد مقالات أو بيانات موسومة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="33"/>
        <source>Articles and datasets (*.txt *.jsonl *.json *.ann *.conll *.bio);;Plain text (*.txt);;JSON Lines: native or doccano (*.jsonl);;Label Studio (*.json);;brat (*.ann);;CoNLL / BIO (*.conll *.bio);;All files (*)</source>
        <translation>المقالات ومجموعات البيانات (*.txt *.jsonl *.json *.ann *.conll *.bio);;نص عادي (*.txt);;JSON Lines: الصيغة الأصلية أو doccano (*.jsonl);;Label Studio (*.json);;brat (*.ann);;CoNLL / BIO (*.conll *.bio);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="88"/>
        <location filename="../../annotator/ui/import_dialog.py" line="124"/>
        <location filename="../../annotator/ui/import_dialog.py" line="126"/>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="97"/>
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="97"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="116"/>
        <source>Imported %1 document(s); %2 already in the project.</source>
        <translation>المقالات المستوردة: %1؛ الموجودة سلفًا في المشروع: %2.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="122"/>
        <source>These files were not imported, or not all of them (each error says what was):</source>
        <translation>لم تُستورد هذه الملفات، أو لم تُستورد كاملةً (كل خطأ يذكر ما استُورد منها):</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="53"/>
        <source>Import: preview</source>
        <translation>استيراد: معاينة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="58"/>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="58"/>
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="58"/>
        <source>Documents</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="58"/>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="58"/>
        <source>Relations</source>
        <translation>الروابط</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="58"/>
        <source>Problem</source>
        <translation>المشكلة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="73"/>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="77"/>
        <source>Files with a problem are skipped; the others are imported each in one piece.</source>
        <translation>تُتخطّى الملفات التي فيها مشكلة؛ ويُستورد كلٌّ من الملفات الأخرى كاملًا دفعةً واحدة.</translation>
    </message>
</context>
<context>
    <name>LayerActions</name>
    <message>
        <location filename="../../annotator/ui/layer_actions.py" line="29"/>
        <source>Gold layer</source>
        <translation>الطبقة المرجعية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/layer_actions.py" line="29"/>
        <source>Layer of %1</source>
        <translation>طبقة %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/layer_actions.py" line="31"/>
        <source>My layer (%1)</source>
        <translation>طبقتي (%1)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/layer_actions.py" line="38"/>
        <source>Show the &amp;next layer</source>
        <translation>عرض الطبقة ال&amp;تالية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/layer_actions.py" line="56"/>
        <source>Only your own layer can be shown (blind mode).</source>
        <translation>لا يمكن عرض غير طبقتك (وضع التعمية).</translation>
    </message>
</context>
<context>
    <name>Linker</name>
    <message>
        <location filename="../../annotator/ui/linking.py" line="44"/>
        <source>Select a span first, then press the link&apos;s key.</source>
        <translation>حدِّد مقطعًا أولًا، ثم اضغط مفتاح الرابط.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/linking.py" line="56"/>
        <source>Nothing in the project can be linked to this span by %1.</source>
        <translation>لا شيء في المشروع يمكن ربطه بهذا المقطع برابط %1.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/linking.py" line="59"/>
        <source>%1 from «%2»: pick the other end here, or click its highlight in the article. Escape cancels.</source>
        <translation>رابط %1 من «%2»: اختر الطرف الآخر هنا، أو انقر تظليله في المقال. للإلغاء اضغط (Escape).</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/linking.py" line="128"/>
        <source>The selected span has no links.</source>
        <translation>لا روابط للمقطع المحدد.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/linking.py" line="137"/>
        <source>Nothing to go back to.</source>
        <translation>لا شيء للرجوع إليه.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="108"/>
        <source>annotator — %1</source>
        <translation>annotator — %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="126"/>
        <source>Tag the selection as %1 (%2; hold Alt for the exact selection)</source>
        <translation>وسم التحديد بـ%1 (%2؛ ومع Alt يبقى التحديد كما هو تمامًا)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="134"/>
        <source>Link as %1</source>
        <translation>ربط من نوع %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="146"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="147"/>
        <source>&amp;Import…</source>
        <translation>&amp;استيراد…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="148"/>
        <source>&amp;Export…</source>
        <translation>&amp;تصدير…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="149"/>
        <source>&amp;Merge project files…</source>
        <translation>&amp;دمج ملفات مشاريع…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="150"/>
        <source>Switch &amp;identity…</source>
        <translation>تبديل ال&amp;هوية…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="152"/>
        <source>&amp;Quit</source>
        <translation>إ&amp;نهاء</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="154"/>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="155"/>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="156"/>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="158"/>
        <source>&amp;Delete span or link</source>
        <translation>&amp;حذف المقطع أو الرابط</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="160"/>
        <source>&amp;Tag</source>
        <translation>&amp;وسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="166"/>
        <source>&amp;Snap selection to whole words</source>
        <translation>&amp;ضبط التحديد على كلمات كاملة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="170"/>
        <source>&amp;Link</source>
        <translation>&amp;ربط</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="173"/>
        <source>&amp;Follow link</source>
        <translation>&amp;تتبع الرابط</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="174"/>
        <source>&amp;Back</source>
        <translation>&amp;رجوع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="176"/>
        <source>&amp;Review</source>
        <translation>مرا&amp;جعة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="177"/>
        <source>&amp;Adjudicate this document…</source>
        <translation>ت&amp;حكيم هذا المقال…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="178"/>
        <source>A&amp;greement…</source>
        <translation>الات&amp;فاق…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="179"/>
        <source>&amp;Claims of the corpus…</source>
        <translation>ا&amp;دعاءات المدوّنة…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="180"/>
        <source>Claim &amp;network…</source>
        <translation>&amp;شبكة الادعاءات…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="182"/>
        <source>A&amp;ssign this document to…</source>
        <translation>ت&amp;خصيص هذا المقال لـ…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="183"/>
        <source>&amp;Blind mode: annotators see only their own layer</source>
        <translation>وضع ال&amp;تعمية: لا يرى كل مُعلِّم إلا طبقته</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="186"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="189"/>
        <source>&amp;Larger text</source>
        <translation>تكبير ال&amp;نص</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="190"/>
        <source>&amp;Smaller text</source>
        <translation>ت&amp;صغير النص</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="191"/>
        <source>Line &amp;spacing</source>
        <translation>تباعد الأ&amp;سطر</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="193"/>
        <source>&amp;Go</source>
        <translation>&amp;انتقال</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="196"/>
        <source>&amp;Next document</source>
        <translation>المقال ال&amp;تالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="197"/>
        <source>&amp;Previous document</source>
        <translation>المقال ال&amp;سابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="199"/>
        <source>Next &amp;span	Tab</source>
        <translation>المقط&amp;ع التالي	Tab</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="200"/>
        <source>Previous s&amp;pan	Shift+Tab</source>
        <translation>المقطع الساب&amp;ق	Shift+Tab</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="202"/>
        <source>&amp;Mark document done / not done</source>
        <translation>اعتبار المقال &amp;مُنجَزًا / غير مُنجَز</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="203"/>
        <source>Next &amp;pane</source>
        <translation>ال&amp;لوحة التالية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="204"/>
        <source>&amp;Reload what others wrote</source>
        <translation>إعادة &amp;تحميل ما كتبه الآخرون</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="206"/>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="207"/>
        <source>&amp;Guidelines</source>
        <translation>الإ&amp;رشادات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="294"/>
        <source>Reloaded.</source>
        <translation>أُعيد التحميل.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="362"/>
        <source>Not tagged as %1: this layer is read-only (see the banner).</source>
        <translation>لم يُوسَم بـ %1: هذه الطبقة للقراءة فقط (انظر الشريط أعلاه).</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="371"/>
        <source>Select some text first, then press a label&apos;s key.</source>
        <translation>حدِّد نصًّا أولًا، ثم اضغط مفتاح الوسم.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="388"/>
        <source>No span is selected.</source>
        <translation>لم يُحدَّد أي مقطع.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="432"/>
        <source>No spans in this document yet.</source>
        <translation>لا مقاطع في هذا المقال بعد.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="537"/>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="594"/>
        <source>reviewer</source>
        <translation>مُراجِع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="594"/>
        <source>annotator</source>
        <translation>مُعلِّم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="595"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="597"/>
        <source>gold</source>
        <translation>المرجعية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="598"/>
        <source>Layer shown: %1</source>
        <translation>الطبقة المعروضة: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="599"/>
        <source>%1 (read-only)</source>
        <translation>%1 (للقراءة فقط)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="602"/>
        <source>Document %1 of %2</source>
        <translation>المقال %1 من %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="603"/>
        <source>%1 of %2 done</source>
        <translation>المُنجَز: %1 من %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="605"/>
        <source>Spans: %1</source>
        <translation>المقاطع: %1</translation>
    </message>
</context>
<context>
    <name>OpenedViews</name>
    <message>
        <location filename="../../annotator/ui/opened_views.py" line="39"/>
        <source>Adjudication</source>
        <translation>التحكيم</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="25"/>
        <source>Search all articles (Ctrl+Shift+F)</source>
        <translation>البحث في كل المقالات (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="34"/>
        <source>Find in this article: Enter for the next hit, Escape to close</source>
        <translation>البحث في هذا المقال: النتيجة التالية بـ(Enter)، والإغلاق بـ(Escape)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="56"/>
        <source>Search &amp;all articles…</source>
        <translation>ال&amp;بحث في كل المقالات…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="60"/>
        <source>&amp;Find in this article…</source>
        <translation>البحث في &amp;هذا المقال…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="75"/>
        <source>Nothing found for «%1».</source>
        <translation>لا نتائج لـ«%1».</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="116"/>
        <source>Hits: %1</source>
        <translation>النتائج: %1</translation>
    </message>
</context>
<context>
    <name>SimilarClaims</name>
    <message>
        <location filename="../../annotator/ui/similar_claims.py" line="25"/>
        <source>Similar claims in the corpus</source>
        <translation>ادعاءات مشابهة في المدوّنة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/similar_claims.py" line="40"/>
        <source>Link as offered</source>
        <translation>الربط كما اقتُرح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/similar_claims.py" line="41"/>
        <source>Go to the claim</source>
        <translation>الانتقال إلى الادعاء</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/similar_claims.py" line="61"/>
        <source>same claim</source>
        <translation>الادعاء نفسه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/similar_claims.py" line="61"/>
        <source>support</source>
        <translation>تأييد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/similar_claims.py" line="61"/>
        <source>contradiction</source>
        <translation>تناقض</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/similar_claims.py" line="71"/>
        <source>No similar claim in the corpus.</source>
        <translation>لا ادعاء مشابهًا في المدوّنة.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/similar_claims.py" line="91"/>
        <source>Same claim</source>
        <translation>الادعاء نفسه</translation>
    </message>
</context>
<context>
    <name>SourceBox</name>
    <message>
        <location filename="../../annotator/ui/source_box.py" line="22"/>
        <source>Canonical source</source>
        <translation>المصدر المعتمد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/source_box.py" line="37"/>
        <location filename="../../annotator/ui/source_box.py" line="102"/>
        <source>Confirm the canonical source</source>
        <translation>تأكيد المصدر المعتمد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/source_box.py" line="38"/>
        <location filename="../../annotator/ui/source_box.py" line="109"/>
        <source>Reject the canonical source</source>
        <translation>رفض المصدر المعتمد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/source_box.py" line="75"/>
        <source>%1 (confirmed). Ctrl+Shift+K removes the link.</source>
        <translation>%1 (مؤكَّد). Ctrl+Shift+K يزيل الربط.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/source_box.py" line="77"/>
        <source>Suggested: %1. Ctrl+K confirms, Ctrl+Shift+K rejects.</source>
        <translation>مقترَح: %1. Ctrl+K يؤكّد، Ctrl+Shift+K يرفض.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/source_box.py" line="82"/>
        <source>Suggested: %1 (%2). Ctrl+K confirms, Ctrl+Shift+K shows the next.</source>
        <translation>مقترَح: %1 (%2). Ctrl+K يؤكّد، Ctrl+Shift+K يعرض التالي.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/source_box.py" line="86"/>
        <source>No canonical source matches. Ctrl+K adds %1 as a new one.</source>
        <translation>لا يطابقه مصدر معتمد. Ctrl+K يضيف %1 مصدرًا جديدًا.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/source_box.py" line="91"/>
        <source>Select a SOURCE span first.</source>
        <translation>اختر مقطع مصدر أولًا.</translation>
    </message>
</context>
<context>
    <name>SuggestionActions</name>
    <message>
        <location filename="../../annotator/ui/suggestion_actions.py" line="22"/>
        <source>&amp;Accept cue suggestion</source>
        <translation>&amp;قبول اقتراح عبارة الإسناد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestion_actions.py" line="23"/>
        <source>&amp;Dismiss cue suggestion</source>
        <translation>ت&amp;جاهل اقتراح عبارة الإسناد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestion_actions.py" line="24"/>
        <source>&amp;Next cue suggestion</source>
        <translation>اقتراح عبارة الإسناد ال&amp;تالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestion_actions.py" line="25"/>
        <source>&amp;Previous cue suggestion</source>
        <translation>اقتراح عبارة الإسناد ال&amp;سابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestion_actions.py" line="26"/>
        <source>&amp;Show cue suggestions</source>
        <translation>&amp;عرض اقتراحات عبارات الإسناد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestion_actions.py" line="77"/>
        <source>No cue suggestions in this document.</source>
        <translation>لا اقتراحات لعبارات الإسناد في هذا المقال.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestion_actions.py" line="88"/>
        <source>Source suggestion «%1»: Enter accepts, Backspace dismisses.</source>
        <translation>مصدر مقترح «%1»: Enter يقبله، وBackspace يصرفه.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestion_actions.py" line="91"/>
        <source>Cue suggestion «%1» (%2): Enter accepts, Backspace dismisses.</source>
        <translation>اقتراح عبارة إسناد «%1» (%2): للقبول اضغط (Enter)، وللتجاهل (Backspace).</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestion_actions.py" line="100"/>
        <location filename="../../annotator/ui/suggestion_actions.py" line="115"/>
        <source>Put the caret on a suggestion first (F8).</source>
        <translation>ضع المؤشر على اقتراح أولًا (F8).</translation>
    </message>
</context>
<context>
    <name>TagPanel</name>
    <message>
        <location filename="../../annotator/ui/tag_panel.py" line="37"/>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tag_panel.py" line="47"/>
        <source>Spans in this document</source>
        <translation>المقاطع في هذا المقال</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tag_panel.py" line="54"/>
        <source>Links</source>
        <translation>الروابط</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tag_panel.py" line="67"/>
        <source>Selected span or link</source>
        <translation>المقطع أو الرابط المحدد</translation>
    </message>
</context>
<context>
    <name>TargetPicker</name>
    <message>
        <location filename="../../annotator/ui/target_picker.py" line="28"/>
        <source>Link to…</source>
        <translation>ربط بـ…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/target_picker.py" line="34"/>
        <source>Search (harakat, tatweel and hamza forms are ignored)</source>
        <translation>بحث (تُتجاهل الحركات والتطويل وصور الهمزة)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/target_picker.py" line="61"/>
        <source>source: %1</source>
        <translation>المصدر: %1</translation>
    </message>
</context>
<context>
    <name>TeamActions</name>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="91"/>
        <source>Switch identity to %1</source>
        <translation>التبديل إلى هوية %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="97"/>
        <location filename="../../annotator/ui/team_actions.py" line="127"/>
        <source>Merge project files</source>
        <translation>دمج ملفات مشاريع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="97"/>
        <source>Projects (*.db);;All files (*)</source>
        <translation>المشاريع (*.db);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="106"/>
        <source>Merging…</source>
        <translation>جارٍ الدمج…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="106"/>
        <source>Stop</source>
        <translation>إيقاف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="132"/>
        <source>Merged %1 new document(s), %2 span(s), %3 relation(s).</source>
        <translation>اكتمل الدمج — المقالات الجديدة: %1، المقاطع: %2، الروابط: %3.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="142"/>
        <source>Not merged, or not all of it (see each line):</source>
        <translation>لم يُدمج، أو لم يُدمج كاملًا (انظر كل سطر):</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="143"/>
        <location filename="../../annotator/ui/team_actions.py" line="145"/>
        <source>Merge</source>
        <translation>دمج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="152"/>
        <source>Assign this document to…</source>
        <translation>تخصيص هذا المقال لـ…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="161"/>
        <source>Assign to %1</source>
        <translation>التخصيص لـ%1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="167"/>
        <source>Assigned %1 document(s) to %2.</source>
        <translation>عدد المقالات المُخصَّصة لـ%2: %1.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="173"/>
        <source>Blind mode</source>
        <translation>وضع التعمية</translation>
    </message>
</context>
<context>
    <name>TextSize</name>
    <message>
        <location filename="../../annotator/ui/text_size.py" line="42"/>
        <source>Text size %1 pt, line spacing %2 %</source>
        <translation>حجم النص %1 نقطة، تباعد الأسطر %2 %</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <location filename="../../annotator/ui/welcome.py" line="32"/>
        <source>Welcome. You are tagging as %1; Ctrl+Shift+I changes who you are.</source>
        <translation>أهلًا بك. أنت تَسِم باسم %1؛ ولتغيير هويتك اضغط (Ctrl+Shift+I).</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/welcome.py" line="33"/>
        <source>Select words and press 1 (claim), 2 (source) or 3 (cue); Alt with the digit keeps the exact selection.</source>
        <translation>حدِّد كلمات واضغط 1 (ادعاء) أو 2 (مصدر) أو 3 (عبارة إسناد)؛ ومع Alt يبقى التحديد كما هو تمامًا.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/welcome.py" line="34"/>
        <source>To link, select a claim and press 4 (attribution), 5 (contradiction) or 6 (support), then pick the other end.</source>
        <translation>للربط، حدِّد ادعاءً واضغط 4 (إسناد) أو 5 (تناقض) أو 6 (تأييد)، ثم اختر الطرف الآخر.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/welcome.py" line="35"/>
        <source>F8 steps through cue suggestions, Tab through the spans, Ctrl+Enter marks the article done.</source>
        <translation>يتنقّل (F8) بين اقتراحات عبارات الإسناد، و(Tab) بين المقاطع، ويجعل (Ctrl+Enter) المقال مُنجَزًا.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/welcome.py" line="36"/>
        <source>F1 shows the guidelines; each label&apos;s description is in its tooltip. Ctrl+L shows the other layers you may read.</source>
        <translation>F1 يعرض الإرشادات، ووصف كل وسم في تلميحه. Ctrl+L يعرض الطبقات الأخرى التي يحق لك قراءتها.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/welcome.py" line="40"/>
        <source>Change identity…</source>
        <translation>تغيير الهوية…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/welcome.py" line="43"/>
        <source>Start tagging</source>
        <translation>بدء الوسم</translation>
    </message>
</context>
<context>
    <name>adjudication</name>
    <message>
        <location filename="../../annotator/ui/adjudication_commands.py" line="47"/>
        <source>Accept %1 «%2» into gold</source>
        <translation>قبول %1 «%2» في الطبقة المرجعية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_commands.py" line="57"/>
        <source>Accept all that agree</source>
        <translation>قبول كل ما اتُّفق عليه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_commands.py" line="65"/>
        <source>Accept link %1 «%2»</source>
        <translation>قبول رابط %1 «%2»</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_commands.py" line="77"/>
        <source>Reject «%1»</source>
        <translation>رفض «%1»</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_commands.py" line="92"/>
        <source>Reject link %1 «%2»</source>
        <translation>رفض رابط %1 «%2»</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_commands.py" line="107"/>
        <source>Mark adjudication done</source>
        <translation>اعتبار التحكيم مُنجَزًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_commands.py" line="107"/>
        <source>Mark adjudication not done</source>
        <translation>اعتبار التحكيم غير مُنجَز</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../annotator/app.py" line="100"/>
        <source>Opening %1…</source>
        <translation>جارٍ فتح %1…</translation>
    </message>
    <message>
        <location filename="../../annotator/app.py" line="136"/>
        <source>Cannot open the project</source>
        <translation>تعذّر فتح المشروع</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <location filename="../../annotator/ui/commands.py" line="89"/>
        <source>Tag %1 «%2»</source>
        <translation>وسم «%2» بـ%1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/commands.py" line="113"/>
        <source>Accept source suggestion «%1»</source>
        <translation>قبول المصدر المقترح «%1»</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/commands.py" line="114"/>
        <source>Accept cue suggestion «%1»</source>
        <translation>قبول اقتراح عبارة الإسناد «%1»</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/commands.py" line="127"/>
        <source>Delete %1 «%2»</source>
        <translation>حذف %1 «%2»</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/commands.py" line="150"/>
        <source>Edit %1 «%2»</source>
        <translation>تحرير %1 «%2»</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/commands.py" line="174"/>
        <source>Edit link %1</source>
        <translation>تحرير رابط %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/commands.py" line="189"/>
        <source>Link %1 from «%2»</source>
        <translation>ربط %1 من «%2»</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/commands.py" line="210"/>
        <source>Delete link %1</source>
        <translation>حذف رابط %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/commands.py" line="226"/>
        <source>Dismiss cue suggestion «%1»</source>
        <translation>تجاهل اقتراح عبارة الإسناد «%1»</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/commands.py" line="239"/>
        <source>Mark «%1» done</source>
        <translation>اعتبار «%1» مُنجَزًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/commands.py" line="239"/>
        <source>Mark «%1» not done</source>
        <translation>اعتبار «%1» غير مُنجَز</translation>
    </message>
</context>
<context>
    <name>controller</name>
    <message>
        <location filename="../../annotator/ui/controller.py" line="81"/>
        <source>The project file is read-only: nothing can be changed.</source>
        <translation>ملف المشروع للقراءة فقط: لا يمكن تغيير أي شيء.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="82"/>
        <source>You are looking at %1&apos;s layer, which you may not change. Show your own layer to tag.</source>
        <translation>أنت تعرض طبقة %1، ولا يحق لك تغييرها. اعرض طبقتك لتتمكن من الوسم.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="104"/>
        <source>no document with id %1</source>
        <translation>لا يوجد مقال بالمعرّف %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="189"/>
        <source>Nothing to undo.</source>
        <translation>لا شيء للتراجع عنه.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="197"/>
        <source>Undone: %1</source>
        <translation>تم التراجع عن: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="199"/>
        <source>undo</source>
        <translation>التراجع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="205"/>
        <source>Nothing to redo.</source>
        <translation>لا شيء لإعادته.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="213"/>
        <source>Redone: %1</source>
        <translation>تمت إعادة: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="215"/>
        <source>redo</source>
        <translation>الإعادة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="247"/>
        <source>The project is busy (another program is writing to it): %1 will be done as soon as it is free.</source>
        <translation>المشروع مشغول (برنامج آخر يكتب فيه): سيُنفَّذ %1 حالما يتفرّغ.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="255"/>
        <location filename="../../annotator/ui/controller.py" line="261"/>
        <source>Not done: %1. %2</source>
        <translation>لم يُنفَّذ: %1. %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="267"/>
        <source>Not done: %1. Unexpected error (nothing of it was saved): %2</source>
        <translation>لم يُنفَّذ: %1. خطأ غير متوقع (لم يُحفظ منه شيء): %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="273"/>
        <source>Done once the project was free: %1</source>
        <translation>نُفِّذ بعد أن تفرّغ المشروع: %1</translation>
    </message>
</context>
<context>
    <name>network</name>
    <message>
        <location filename="../../annotator/ui/network_scene.py" line="40"/>
        <source>named person</source>
        <translation>شخص مسمّى</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_scene.py" line="41"/>
        <source>organization</source>
        <translation>منظمة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_scene.py" line="42"/>
        <source>government body</source>
        <translation>جهة حكومية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_scene.py" line="43"/>
        <source>outlet</source>
        <translation>وسيلة إعلام</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_scene.py" line="44"/>
        <source>unnamed official</source>
        <translation>مسؤول غير مسمّى</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/network_scene.py" line="45"/>
        <source>anonymous</source>
        <translation>مجهول</translation>
    </message>
</context>
</TS>
