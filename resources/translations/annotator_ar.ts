<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AdjudicationView</name>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="46"/>
        <source>Adjudication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="73"/>
        <source>F8 / Shift+F8: next / previous disagreement · 1–9: accept that version · Delete: reject · F9: accept all that agree · Ctrl+1–3 on a selection: your own gold span · Ctrl+Enter: done · Ctrl+Z: undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="79"/>
        <source>Where the annotators differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="81"/>
        <source>Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="109"/>
        <source>Next disagreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="110"/>
        <source>Previous disagreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="111"/>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="112"/>
        <source>Accept all that agree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="113"/>
        <source>Adjudication done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="115"/>
        <source>Accept version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="118"/>
        <source>Gold %1 from the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="120"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="121"/>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="154"/>
        <source>%1 of %2 settled · adjudication %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="201"/>
        <location filename="../../annotator/ui/adjudication_view.py" line="205"/>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="201"/>
        <location filename="../../annotator/ui/adjudication_view.py" line="205"/>
        <source>in gold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="250"/>
        <source>No disagreement left to settle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="264"/>
        <source>Nothing that everyone agrees on is left to accept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_view.py" line="274"/>
        <source>Gold %1 «%2»</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgreementView</name>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="36"/>
        <source>Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="42"/>
        <source>α (all annotators)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="49"/>
        <source>span F1, exact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="49"/>
        <source>span F1, overlap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="49"/>
        <source>relation F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="59"/>
        <source>%1 document(s), %2 tokens; annotators: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="62"/>
        <source>Token-level agreement (Krippendorff&apos;s α, Cohen&apos;s κ per pair); untagged tokens are a category of their own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/agreement_view.py" line="64"/>
        <source>Span and relation agreement per pair</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttributeEditor</name>
    <message>
        <location filename="../../annotator/ui/attribute_editor.py" line="48"/>
        <location filename="../../annotator/ui/attribute_editor.py" line="85"/>
        <source>No span selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/attribute_editor.py" line="55"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentFilterBar</name>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="162"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="162"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="163"/>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="163"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="164"/>
        <source>Any label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="165"/>
        <source>Any adjudication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="165"/>
        <source>Not adjudicated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="166"/>
        <source>Adjudicating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="166"/>
        <source>Adjudicated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="168"/>
        <source>Tagged by anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="170"/>
        <source>In order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="170"/>
        <source>By title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="170"/>
        <source>By status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="78"/>
        <source>Finished by: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="87"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="88"/>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="89"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="35"/>
        <location filename="../../annotator/ui/export_dialog.py" line="102"/>
        <location filename="../../annotator/ui/export_dialog.py" line="106"/>
        <location filename="../../annotator/ui/export_dialog.py" line="117"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="42"/>
        <source>all layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="43"/>
        <source>gold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="48"/>
        <source>all documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="49"/>
        <source>documents marked done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="50"/>
        <source>documents in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="53"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="62"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="63"/>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="64"/>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="65"/>
        <source>Save to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="79"/>
        <source>New folder for the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="81"/>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="87"/>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="87"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="101"/>
        <source>Export cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="111"/>
        <source>Exported %1 document(s), %2 span(s), %3 relation(s) to %4.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="45"/>
        <source>Who is working?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="53"/>
        <source>annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="54"/>
        <source>reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="60"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="61"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="31"/>
        <source>Import articles or annotated data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="33"/>
        <source>Articles and datasets (*.txt *.jsonl *.json *.ann);;Plain text (*.txt);;JSON Lines: native or doccano (*.jsonl);;Label Studio (*.json);;brat (*.ann);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="88"/>
        <location filename="../../annotator/ui/import_dialog.py" line="124"/>
        <location filename="../../annotator/ui/import_dialog.py" line="126"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="97"/>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="97"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="116"/>
        <source>Imported %1 document(s); %2 already in the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="122"/>
        <source>These files were not imported, or not all of them (each error says what was):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="53"/>
        <source>Import: preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="58"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="58"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="58"/>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="58"/>
        <source>Spans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="58"/>
        <source>Relations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="58"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="73"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="77"/>
        <source>Files with a problem are skipped; the others are imported each in one piece.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Linker</name>
    <message>
        <location filename="../../annotator/ui/linking.py" line="39"/>
        <source>Select a span first, then press the link&apos;s key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/linking.py" line="50"/>
        <source>Nothing in the project can be linked to this span by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/linking.py" line="53"/>
        <source>%1 from «%2»: pick the other end here, or click its highlight in the article. Escape cancels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/linking.py" line="95"/>
        <source>The selected span has no links.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/linking.py" line="104"/>
        <source>Nothing to go back to.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="76"/>
        <source>annotator — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="89"/>
        <source>Tag the selection as %1 (%2; hold Alt for the exact selection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="95"/>
        <source>Link as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="107"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="108"/>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="109"/>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="110"/>
        <source>&amp;Merge project files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="111"/>
        <source>Switch &amp;identity…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="113"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="115"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="116"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="117"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="119"/>
        <source>&amp;Delete span or link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="121"/>
        <source>&amp;Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="127"/>
        <source>&amp;Snap selection to whole words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="129"/>
        <source>&amp;Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="132"/>
        <source>&amp;Follow link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="133"/>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="135"/>
        <source>&amp;Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="136"/>
        <source>&amp;Adjudicate this document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="137"/>
        <source>A&amp;greement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="139"/>
        <source>A&amp;ssign this document to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="140"/>
        <source>&amp;Blind mode: annotators see only their own layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="143"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="144"/>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="147"/>
        <source>&amp;Next document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="148"/>
        <source>&amp;Previous document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="150"/>
        <source>Next &amp;span	Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="151"/>
        <source>Previous s&amp;pan	Shift+Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="153"/>
        <source>&amp;Mark document done / not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="154"/>
        <source>Next &amp;pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="163"/>
        <source>Gold layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="163"/>
        <source>Layer of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="165"/>
        <source>My layer (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="172"/>
        <source>Show the &amp;next layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="298"/>
        <source>Select some text first, then press a label&apos;s key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="315"/>
        <source>No span is selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="352"/>
        <source>No spans in this document yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="456"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="481"/>
        <source>Adjudication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="519"/>
        <source>reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="519"/>
        <source>annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="520"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="522"/>
        <source>gold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="523"/>
        <source>Layer shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="524"/>
        <source>%1 (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="526"/>
        <source>Document %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="527"/>
        <source>%1 of %2 done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="529"/>
        <source>Spans: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="25"/>
        <source>Search all articles (Ctrl+Shift+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="34"/>
        <source>Find in this article: Enter for the next hit, Escape to close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="56"/>
        <source>Search &amp;all articles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="60"/>
        <source>&amp;Find in this article…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="75"/>
        <source>Nothing found for «%1».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/search_panel.py" line="116"/>
        <source>Hits: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SuggestionActions</name>
    <message>
        <location filename="../../annotator/ui/suggestion_actions.py" line="21"/>
        <source>&amp;Accept cue suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestion_actions.py" line="22"/>
        <source>&amp;Dismiss cue suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestion_actions.py" line="23"/>
        <source>&amp;Next cue suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestion_actions.py" line="24"/>
        <source>&amp;Previous cue suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestion_actions.py" line="25"/>
        <source>&amp;Show cue suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestion_actions.py" line="60"/>
        <source>No cue suggestions in this document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestion_actions.py" line="70"/>
        <source>Cue suggestion «%1» (%2): Enter accepts, Backspace dismisses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestion_actions.py" line="79"/>
        <location filename="../../annotator/ui/suggestion_actions.py" line="94"/>
        <source>Put the caret on a suggestion first (F8).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TagPanel</name>
    <message>
        <location filename="../../annotator/ui/tag_panel.py" line="37"/>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tag_panel.py" line="47"/>
        <source>Spans in this document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tag_panel.py" line="58"/>
        <source>Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/tag_panel.py" line="71"/>
        <source>Selected span or link</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TargetPicker</name>
    <message>
        <location filename="../../annotator/ui/target_picker.py" line="25"/>
        <source>Link to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/target_picker.py" line="30"/>
        <source>Search (harakat, tatweel and hamza forms are ignored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/target_picker.py" line="55"/>
        <source>source: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeamActions</name>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="91"/>
        <source>Switch identity to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="97"/>
        <location filename="../../annotator/ui/team_actions.py" line="127"/>
        <source>Merge project files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="97"/>
        <source>Projects (*.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="106"/>
        <source>Merging…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="106"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="132"/>
        <source>Merged %1 new document(s), %2 span(s), %3 relation(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="142"/>
        <source>Not merged, or not all of it (see each line):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="143"/>
        <location filename="../../annotator/ui/team_actions.py" line="145"/>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="152"/>
        <source>Assign this document to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="161"/>
        <source>Assign to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="167"/>
        <source>Assigned %1 document(s) to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_actions.py" line="173"/>
        <source>Blind mode</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>adjudication</name>
    <message>
        <location filename="../../annotator/ui/adjudication_commands.py" line="46"/>
        <source>Accept %1 «%2» into gold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_commands.py" line="56"/>
        <source>Accept all that agree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_commands.py" line="64"/>
        <source>Accept link %1 «%2»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_commands.py" line="76"/>
        <source>Reject «%1»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_commands.py" line="91"/>
        <source>Reject link %1 «%2»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_commands.py" line="106"/>
        <source>Mark adjudication done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication_commands.py" line="106"/>
        <source>Mark adjudication not done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../annotator/app.py" line="78"/>
        <source>Cannot open the project</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <location filename="../../annotator/ui/commands.py" line="87"/>
        <source>Tag %1 «%2»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/commands.py" line="110"/>
        <source>Accept cue suggestion «%1»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/commands.py" line="122"/>
        <source>Delete %1 «%2»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/commands.py" line="142"/>
        <source>Edit %1 «%2»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/commands.py" line="166"/>
        <source>Edit link %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/commands.py" line="181"/>
        <source>Link %1 from «%2»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/commands.py" line="202"/>
        <source>Delete link %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/commands.py" line="218"/>
        <source>Dismiss cue suggestion «%1»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/commands.py" line="231"/>
        <source>Mark «%1» done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/commands.py" line="231"/>
        <source>Mark «%1» not done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>controller</name>
    <message>
        <location filename="../../annotator/ui/controller.py" line="79"/>
        <source>The project file is read-only: nothing can be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="80"/>
        <source>You are looking at %1&apos;s layer, which you may not change. Show your own layer to tag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="102"/>
        <source>no document with id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="158"/>
        <source>Nothing to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="166"/>
        <source>Undone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="168"/>
        <source>undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="174"/>
        <source>Nothing to redo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="182"/>
        <source>Redone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="184"/>
        <source>redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="216"/>
        <source>The project is busy (another program is writing to it): %1 will be done as soon as it is free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="224"/>
        <location filename="../../annotator/ui/controller.py" line="228"/>
        <source>Not done: %1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="234"/>
        <source>Not done: %1. Unexpected error (nothing of it was saved): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="240"/>
        <source>Done once the project was free: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
