<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Portolan</name>
    <message numerus="yes">
        <source>Add %n service(s)</source>
        <translation>
            <numerusform>Add %n service</numerusform>
            <numerusform>Add %n services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n service(s)</source>
        <translation>
            <numerusform>Remove %n service</numerusform>
            <numerusform>Remove %n services</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Analyzer</name>
    <message numerus="yes">
        <source>%n services without a host are named %1</source>
        <translation>
            <numerusform>%n service without a host is named %1</numerusform>
            <numerusform>%n services without a host are named %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n services on %1 are named %2</source>
        <translation>
            <numerusform>%n service on %1 is named %2</numerusform>
            <numerusform>%n services on %1 are named %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::ChangeSet</name>
    <message numerus="yes">
        <source>Carry out %n move(s) in the files</source>
        <translation>
            <numerusform>Carry out %n move in the files</numerusform>
            <numerusform>Carry out %n moves in the files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::ChangeSetDialog</name>
    <message numerus="yes">
        <source>Copied the patch of %n file(s)</source>
        <translation>
            <numerusform>Copied the patch of %n file</numerusform>
            <numerusform>Copied the patch of %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n move(s) carried out</source>
        <translation>
            <numerusform>%n move carried out</numerusform>
            <numerusform>%n moves carried out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) change</source>
        <translation>
            <numerusform>%n file change</numerusform>
            <numerusform>%n files change</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n manual step(s)</source>
        <translation>
            <numerusform>%n manual step</numerusform>
            <numerusform>%n manual steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Read again, the changed files resolve %n finding(s)</source>
        <translation>
            <numerusform>Read again, the changed files resolve %n finding</numerusform>
            <numerusform>Read again, the changed files resolve %n findings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>introduce %n</source>
        <translation>
            <numerusform>introduce %n</numerusform>
            <numerusform>introduce %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n move(s) still not done after reading</source>
        <translation>
            <numerusform>%n move still not done after reading</numerusform>
            <numerusform>%n moves still not done after reading</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changed %n file(s); Edit &gt; Undo puts them back</source>
        <translation>
            <numerusform>Changed %n file; Edit &gt; Undo puts them back</numerusform>
            <numerusform>Changed %n files; Edit &gt; Undo puts them back</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::CommandLine</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n info(s)</source>
        <translation>
            <numerusform>%n info</numerusform>
            <numerusform>%n infos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>re-reading %Ln linked source(s)</source>
        <translation>
            <numerusform>re-reading %Ln linked source</numerusform>
            <numerusform>re-reading %Ln linked sources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>analysing %Ln service(s)</source>
        <translation>
            <numerusform>analysing %Ln service</numerusform>
            <numerusform>analysing %Ln services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>reading %Ln compose file(s)</source>
        <translation>
            <numerusform>reading %Ln compose file</numerusform>
            <numerusform>reading %Ln compose files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::ComposeFormat</name>
    <message numerus="yes">
        <source>%n replica(s) share this fixed host port: only one can bind it.</source>
        <translation>
            <numerusform>%n replica shares this fixed host port: only one can bind it.</numerusform>
            <numerusform>%n replicas share this fixed host port: only one can bind it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Editing</name>
    <message numerus="yes">
        <source>Remove %n service(s)</source>
        <translation>
            <numerusform>Remove %n service</numerusform>
            <numerusform>Remove %n services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n service(s)</source>
        <translation>
            <numerusform>Duplicate %n service</numerusform>
            <numerusform>Duplicate %n services</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::ExportDialog</name>
    <message numerus="yes">
        <source>%1: %n byte(s), no text preview.</source>
        <translation>
            <numerusform>%1: %n byte, no text preview.</numerusform>
            <numerusform>%1: %n bytes, no text preview.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::ExportPreview</name>
    <message numerus="yes">
        <source>The preview shows the first %1 of %Ln line(s); Copy and Save As take all of them.</source>
        <translation>
            <numerusform>The preview shows the first %1 of %Ln line; Copy and Save As take all of it.</numerusform>
            <numerusform>The preview shows the first %1 of %Ln lines; Copy and Save As take all of them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::GridPainter</name>
    <message numerus="yes">
        <source>%1 — %n port(s) in use outside every range</source>
        <translation>
            <numerusform>%1 — %n port in use outside every range</numerusform>
            <numerusform>%1 — %n ports in use outside every range</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2) — %3/%4 used (%n reserved)</source>
        <translation>
            <numerusform>%1 (%2) — %3/%4 used (%n reserved)</numerusform>
            <numerusform>%1 (%2) — %3/%4 used (%n reserved)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Import</name>
    <message numerus="yes">
        <source>Added %n undocumented service(s): %1</source>
        <translation>
            <numerusform>Added %n undocumented service: %1</numerusform>
            <numerusform>Added %n undocumented services: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Matched %n plan service(s); %1 changed.</source>
        <translation>
            <numerusform>Matched %n plan service; %1 changed.</numerusform>
            <numerusform>Matched %n plan services; %1 changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In the plan on %1 but not in the file (%n): %2</source>
        <translation>
            <numerusform>In the plan on %1 but not in the file (%n): %2</numerusform>
            <numerusform>In the plan on %1 but not in the file (%n): %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Found %n reference(s) between services.</source>
        <translation>
            <numerusform>Found %n reference between services.</numerusform>
            <numerusform>Found %n references between services.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Matched %n scrape target(s) to services.</source>
        <translation>
            <numerusform>Matched %n scrape target to services.</numerusform>
            <numerusform>Matched %n scrape targets to services.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: matched by name to compose service %2, whose %n port(s) do not include the planned %3; took %4, its first published one.</source>
        <translation>
            <numerusform>%1: matched by name to compose service %2, whose %n port is not the planned %3; took %4, its first published one.</numerusform>
            <numerusform>%1: matched by name to compose service %2, whose %n ports do not include the planned %3; took %4, its first published one.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::MainWindow</name>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n service</numerusform>
            <numerusform>%n services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation>
            <numerusform>%n host</numerusform>
            <numerusform>%n hosts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n range(s)</source>
        <translation>
            <numerusform>%n range</numerusform>
            <numerusform>%n ranges</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n info(s)</source>
        <translation>
            <numerusform>%n info</numerusform>
            <numerusform>%n infos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reality check: %n listening</source>
        <translation>
            <numerusform>Reality check: %n listening</numerusform>
            <numerusform>Reality check: %n listening</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n unsaved edit(s). Save them before closing?</source>
        <translation>
            <numerusform>%1 has %n unsaved edit. Save it before closing?</numerusform>
            <numerusform>%1 has %n unsaved edits. Save them before closing?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) and note(s); Edit &gt; Undo takes the import back.</source>
        <translation>
            <numerusform>%n change or note; Edit &gt; Undo takes the import back.</numerusform>
            <numerusform>%n changes and notes; Edit &gt; Undo takes the import back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n service(s).</source>
        <translation>
            <numerusform>Copied %n service.</numerusform>
            <numerusform>Copied %n services.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n service(s)</source>
        <translation>
            <numerusform>Paste %n service</numerusform>
            <numerusform>Paste %n services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n service(s) run on or are planned for %1. What should happen to them?</source>
        <translation>
            <numerusform>%n service runs on or is planned for %1. What should happen to it?</numerusform>
            <numerusform>%n services run on or are planned for %1. What should happen to them?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n service(s) are listed under %1 %2. Moving them keeps their ports; left unassigned, their range follows from their port.</source>
        <translation>
            <numerusform>%n service is listed under %1 %2. Moving it keeps its port; left unassigned, its range follows from its port.</numerusform>
            <numerusform>%n services are listed under %1 %2. Moving them keeps their ports; left unassigned, their range follows from their port.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) have not been applied. Leaving drops them; the document stays as it is.</source>
        <translation>
            <numerusform>%n draft has not been applied. Leaving drops it; the document stays as it is.</numerusform>
            <numerusform>%n drafts have not been applied. Leaving drops them; the document stays as it is.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 becomes a new, untitled schema with %n service(s), replacing %2 in this window.</source>
        <translation>
            <numerusform>%1 becomes a new, untitled schema with %n service, replacing %2 in this window.</numerusform>
            <numerusform>%1 becomes a new, untitled schema with %n services, replacing %2 in this window.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Read %n linked source(s) in %1 ms.</source>
        <translation>
            <numerusform>Read %n linked source in %1 ms.</numerusform>
            <numerusform>Read %n linked sources in %1 ms.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n linked file(s) copied beside it</source>
        <translation>
            <numerusform>%n linked file copied beside it</numerusform>
            <numerusform>%n linked files copied beside it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n linked file(s) copied into %1</source>
        <translation>
            <numerusform>%n linked file copied into %1</numerusform>
            <numerusform>%n linked files copied into %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::MarkdownFormat</name>
    <message numerus="yes">
        <source>Summary: %n service(s) read; tables read: %1, lists read: %2, parts skipped: %3.</source>
        <translation>
            <numerusform>Summary: %n service read; tables read: %1, lists read: %2, parts skipped: %3.</numerusform>
            <numerusform>Summary: %n services read; tables read: %1, lists read: %2, parts skipped: %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::MoveReport</name>
    <message numerus="yes">
        <source>✓ resolves %n</source>
        <translation>
            <numerusform>✓ resolves %n</numerusform>
            <numerusform>✓ resolves %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✗ introduces %n</source>
        <translation>
            <numerusform>✗ introduces %n</numerusform>
            <numerusform>✗ introduces %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reference(s)</source>
        <translation>
            <numerusform>%n reference</numerusform>
            <numerusform>%n references</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scrape target(s)</source>
        <translation>
            <numerusform>%n scrape target</numerusform>
            <numerusform>%n scrape targets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n export(s) differ</source>
        <translation>
            <numerusform>%n export differs</numerusform>
            <numerusform>%n exports differ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n move(s)</source>
        <translation>
            <numerusform>%n move</numerusform>
            <numerusform>%n moves</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other change(s)</source>
        <translation>
            <numerusform>%n other change</numerusform>
            <numerusform>%n other changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>findings: %n resolved</source>
        <translation>
            <numerusform>findings: %n resolved</numerusform>
            <numerusform>findings: %n resolved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n introduced</source>
        <translation>
            <numerusform>%n introduced</numerusform>
            <numerusform>%n introduced</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>export %1 differs by %n line(s)</source>
        <translation>
            <numerusform>export %1 differs by %n line</numerusform>
            <numerusform>export %1 differs by %n lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 export differs by %n line(s)</source>
        <translation>
            <numerusform>%1 export differs by %n line</numerusform>
            <numerusform>%1 export differs by %n lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n move(s) decided</source>
        <translation>
            <numerusform>%n move decided</numerusform>
            <numerusform>%n moves decided</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n pending</numerusform>
            <numerusform>%n pending</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::Moves</name>
    <message numerus="yes">
        <source>Reject %n draft(s)</source>
        <translation>
            <numerusform>Reject %n draft</numerusform>
            <numerusform>Reject %n drafts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accept reality for %n service(s)</source>
        <translation>
            <numerusform>Accept reality for %n service</numerusform>
            <numerusform>Accept reality for %n services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Execute %n move(s)</source>
        <translation>
            <numerusform>Execute %n move</numerusform>
            <numerusform>Execute %n moves</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Apply %n draft(s)</source>
        <translation>
            <numerusform>Apply %n draft</numerusform>
            <numerusform>Apply %n drafts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Adopt %n change(s)</source>
        <translation>
            <numerusform>Adopt %n change</numerusform>
            <numerusform>Adopt %n changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::MovesModel</name>
    <message numerus="yes">
        <source>%1: %n line(s)</source>
        <translation>
            <numerusform>%1: %n line</numerusform>
            <numerusform>%1: %n lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>resolves %n</source>
        <translation>
            <numerusform>resolves %n</numerusform>
            <numerusform>resolves %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>introduces %n</source>
        <translation>
            <numerusform>introduces %n</numerusform>
            <numerusform>introduces %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reference(s)</source>
        <translation>
            <numerusform>%n reference</numerusform>
            <numerusform>%n references</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scrape target(s)</source>
        <translation>
            <numerusform>%n scrape target</numerusform>
            <numerusform>%n scrape targets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::MovesView</name>
    <message numerus="yes">
        <source>%n drift move(s)</source>
        <translation>
            <numerusform>%n drift move</numerusform>
            <numerusform>%n drift moves</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s)</source>
        <translation>
            <numerusform>%n draft</numerusform>
            <numerusform>%n drafts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n proposed change(s)</source>
        <translation>
            <numerusform>%n proposed change</numerusform>
            <numerusform>%n proposed changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Executed %n move(s). Edit &gt; Undo takes them back.</source>
        <translation>
            <numerusform>Executed %n move. Edit &gt; Undo takes it back.</numerusform>
            <numerusform>Executed %n moves. Edit &gt; Undo takes them back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accepted reality for %n service(s). Edit &gt; Undo takes it back.</source>
        <translation>
            <numerusform>Accepted reality for %n service. Edit &gt; Undo takes it back.</numerusform>
            <numerusform>Accepted reality for %n services. Edit &gt; Undo takes it back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rejected %n change(s).</source>
        <translation>
            <numerusform>Rejected %n change.</numerusform>
            <numerusform>Rejected %n changes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::PrometheusFormat</name>
    <message numerus="yes">
        <source>Job %1: %n target(s) are probe URLs, not services; skipped.</source>
        <translation>
            <numerusform>Job %1: %n target is a probe URL, not a service; skipped.</numerusform>
            <numerusform>Job %1: %n targets are probe URLs, not services; skipped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::RangeTableModel</name>
    <message numerus="yes">
        <source>%1/%2 (%n reserved)</source>
        <translation>
            <numerusform>%1/%2 (%n reserved)</numerusform>
            <numerusform>%1/%2 (%n reserved)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::RealityCheckDialog</name>
    <message numerus="yes">
        <source>%n connection attempt(s), at most %1 s.</source>
        <translation>
            <numerusform>%n connection attempt, at most %1 s.</numerusform>
            <numerusform>%n connection attempts, at most %1 s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 · %n listening</source>
        <translation>
            <numerusform>%1 of %2 · %n listening</numerusform>
            <numerusform>%1 of %2 · %n listening</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %n attempt(s).</source>
        <translation>
            <numerusform>Cancelled after %n attempt.</numerusform>
            <numerusform>Cancelled after %n attempts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checked at %1: %n attempt(s), </source>
        <translation>
            <numerusform>Checked at %1: %n attempt, </numerusform>
            <numerusform>Checked at %1: %n attempts, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n listening.</source>
        <translation>
            <numerusform>%n listening.</numerusform>
            <numerusform>%n listening.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deployed service(s) did not answer.</source>
        <translation>
            <numerusform>%n deployed service did not answer.</numerusform>
            <numerusform>%n deployed services did not answer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::ServicesView</name>
    <message numerus="yes">
        <source>%1 of %n shown</source>
        <translation>
            <numerusform>%1 of %n shown</numerusform>
            <numerusform>%1 of %n shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::SourcesView</name>
    <message numerus="yes">
        <source>%n source(s)</source>
        <translation>
            <numerusform>%n source</numerusform>
            <numerusform>%n sources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n entry(ies)</source>
        <translation>
            <numerusform>%1 · %n entry</numerusform>
            <numerusform>%1 · %n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n endpoint(s)</source>
        <translation>
            <numerusform>%1 · %n endpoint</numerusform>
            <numerusform>%1 · %n endpoints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
</TS>
