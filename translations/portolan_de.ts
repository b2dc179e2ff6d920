<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Portolan</name>
    <message>
        <source>Change %1 of %2</source>
        <translation>%1 von %2 ändern</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Change rule settings</source>
        <translation>Regeleinstellungen ändern</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Planned port</source>
        <translation>Plan-Port</translation>
    </message>
    <message>
        <source>Actual port</source>
        <translation>Ist-Port</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>The format %1 cannot be read.</source>
        <translation>Das Format %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The format %1 cannot be merged into a plan.</source>
        <translation>Das Format %1 kann nicht in einen Plan übernommen werden.</translation>
    </message>
    <message>
        <source>The format %1 cannot be written.</source>
        <translation>Das Format %1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>The file does not exist or is not a regular file.</source>
        <translation>Die Datei existiert nicht oder ist keine reguläre Datei.</translation>
    </message>
    <message>
        <source>The file cannot be opened: %1</source>
        <translation>Die Datei kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>The file is too large (%1 MB; at most %2 MB are read).</source>
        <translation>Die Datei ist zu groß (%1 MB; höchstens %2 MB werden gelesen).</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Deployed</source>
        <translation>In Betrieb</translation>
    </message>
    <message>
        <source>Not deployed</source>
        <translation>Nicht bereitgestellt</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Stillgelegt</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Öffentlich</translation>
    </message>
    <message>
        <source>Internal only</source>
        <translation>Nur intern</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Aliasse</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Planned host</source>
        <translation>Geplanter Host</translation>
    </message>
    <message>
        <source>Bind address</source>
        <translation>Bind-Adresse</translation>
    </message>
    <message>
        <source>Container port</source>
        <translation>Container-Port</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>Sichtbarkeit</translation>
    </message>
    <message>
        <source>Public hostname</source>
        <translation>Öffentlicher Hostname</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>Bereitstellung</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Counterpart</source>
        <translation>Gegenstück</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Undocumented</source>
        <translation>Undokumentiert</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no port</comment>
        <translation>keiner</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no value</comment>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Change %1 of %2 from %3 to %4</source>
        <translation>%1 von %2 von %3 auf %4 ändern</translation>
    </message>
    <message>
        <source>Compose project</source>
        <translation>Compose-Projekt</translation>
    </message>
    <message>
        <source>Prometheus config</source>
        <translation>Prometheus-Konfiguration</translation>
    </message>
    <message>
        <source>cloudflared tunnel</source>
        <translation>cloudflared-Tunnel</translation>
    </message>
    <message>
        <source>Env file</source>
        <translation>Env-Datei</translation>
    </message>
    <message>
        <source>Port documentation</source>
        <translation>Port-Dokumentation</translation>
    </message>
    <message>
        <source>The file is UTF-16 text; Portolan reads UTF-8. Save it as UTF-8 and read it again.</source>
        <translation>Die Datei ist UTF-16-Text; Portolan liest UTF-8. Speichern Sie sie als UTF-8 und lesen Sie sie erneut.</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>Die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Add %n service(s)</source>
        <translation>
            <numerusform>%n Dienst hinzufügen</numerusform>
            <numerusform>%n Dienste hinzufügen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n service(s)</source>
        <translation>
            <numerusform>%n Dienst entfernen</numerusform>
            <numerusform>%n Dienste entfernen</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing %1 was cancelled; the file is as it was.</source>
        <translation>Das Schreiben von %1 wurde abgebrochen; die Datei ist unverändert.</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>Der Export wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>Portolan::Analyzer</name>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>Port %1 on %2 is used by %3</source>
        <translation>Port %1 auf %2 wird von %3 genutzt</translation>
    </message>
    <message>
        <source>Planned port %1 is given to %2</source>
        <translation>Geplanter Port %1 ist %2 zugewiesen</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>Port %1 is used by %2; they collide if they ever share a host</source>
        <translation>Port %1 wird von %2 genutzt; sie kollidieren, sobald sie einen Host teilen</translation>
    </message>
    <message>
        <source>Port %1 is planned for %2 but used today by %3</source>
        <translation>Port %1 ist für %2 geplant, wird aber derzeit von %3 genutzt</translation>
    </message>
    <message numerus="yes">
        <source>%n services without a host are named %1</source>
        <translation>
            <numerusform>%n Dienst ohne Host heißt %1</numerusform>
            <numerusform>%n Dienste ohne Host heißen %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n services on %1 are named %2</source>
        <translation>
            <numerusform>%n Dienst auf %1 heißt %2</numerusform>
            <numerusform>%n Dienste auf %1 heißen %2</numerusform>
        </translation>
    </message>
    <message>
        <source>planned port</source>
        <translation>Plan-Port</translation>
    </message>
    <message>
        <source>actual port</source>
        <translation>Ist-Port</translation>
    </message>
    <message>
        <source>container port</source>
        <translation>Container-Port</translation>
    </message>
    <message>
        <source>metrics port</source>
        <translation>Metrik-Port</translation>
    </message>
    <message>
        <source>%1 has %2 %3, outside 1-65535</source>
        <translation>%1: %2 %3 liegt außerhalb von 1-65535</translation>
    </message>
    <message>
        <source>%1 is listed under %2 %3 but has port %4</source>
        <translation>%1 steht unter %2 %3, hat aber Port %4</translation>
    </message>
    <message>
        <source>%1: port %2 is in no range</source>
        <translation>%1: Port %2 liegt in keinem Bereich</translation>
    </message>
    <message>
        <source>%1 uses port %2, reserved (%3)</source>
        <translation>%1 nutzt den reservierten Port %2 (%3)</translation>
    </message>
    <message>
        <source>%1 runs on %2 but is planned on %3</source>
        <translation>%1 läuft auf %2, ist aber auf %3 geplant</translation>
    </message>
    <message>
        <source>%1 runs (%2) but is not in the plan</source>
        <translation>%1 läuft (%2), steht aber nicht im Plan</translation>
    </message>
    <message>
        <source>%1 runs but is not in the plan</source>
        <translation>%1 läuft, steht aber nicht im Plan</translation>
    </message>
    <message>
        <source>%1 is scraped on port %2 but listens on %3</source>
        <translation>%1 wird auf Port %2 abgefragt, lauscht aber auf %3</translation>
    </message>
    <message>
        <source>%1 (%2) and its backend %3 (%4) don&apos;t share the last digit</source>
        <translation>%1 (%2) und sein Backend %3 (%4) enden nicht auf dieselbe Ziffer</translation>
    </message>
    <message>
        <source>%1 uses port %2, which needs privileges to bind</source>
        <translation>%1 nutzt Port %2; das Binden erfordert Privilegien</translation>
    </message>
    <message>
        <source>%1 uses port %2, inside the OS ephemeral range (32768-65535)</source>
        <translation>%1 nutzt Port %2 im ephemeren Bereich des Betriebssystems (32768-65535)</translation>
    </message>
    <message>
        <source>%1 %2 is %3% full (%4 of %5 ports used or reserved)</source>
        <translation>%1 %2 ist zu %3% belegt (%4 von %5 Ports genutzt oder reserviert)</translation>
    </message>
    <message>
        <source>Ranges %1 %2 and %3 %4 overlap on %5-%6</source>
        <translation>Die Bereiche %1 %2 und %3 %4 überlappen in %5-%6</translation>
    </message>
    <message>
        <source>%1 refers to %2, which is not in the schema</source>
        <translation>%1 verweist auf %2, das nicht im Schema steht</translation>
    </message>
    <message>
        <source>%1 expects %2 on port %3, but it listens on %4</source>
        <translation>%1 erwartet %2 auf Port %3, aber es lauscht auf %4</translation>
    </message>
    <message>
        <source>%1 expects %2 on port %3, but it listens on %4 (%5)</source>
        <translation>%1 erwartet %2 auf Port %3, aber es lauscht auf %4 (%5)</translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n weiterer</numerusform>
            <numerusform>%n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::ChangeSet</name>
    <message>
        <source>%1 is no longer in the plan.</source>
        <translation>%1 steht nicht mehr im Plan.</translation>
    </message>
    <message>
        <source>%1 moves to another host: deploy it there and remove it from %2 by hand.</source>
        <translation>%1 zieht auf einen anderen Host um: dort bereitstellen und von %2 von Hand entfernen.</translation>
    </message>
    <message>
        <source>%1: no linked source sets its port %2 (code defaults, a scheduled task…); change it to %3 where it is set.</source>
        <translation>%1: keine verknüpfte Quelle setzt seinen Port %2 (Vorgabe im Code, geplante Aufgabe …); dort, wo er gesetzt wird, auf %3 ändern.</translation>
    </message>
    <message>
        <source>%1 is matched by name to compose service %2, which publishes %3 and not the planned %4; which of them is %1&apos;s is not known. Change it by hand.</source>
        <translation>%1 ist über den Namen dem Compose-Dienst %2 zugeordnet, der %3 veröffentlicht, aber nicht den geplanten %4; welcher davon %1 gehört, ist nicht bekannt. Von Hand ändern.</translation>
    </message>
    <message>
        <source>%1: the port %2 at %3 is not one a linked compose file sets in its ports: or its .env file; change it to %4 there.</source>
        <translation>%1: Der Port %2 bei %3 wird in keinem verknüpften Compose-File unter ports: oder in seiner .env-Datei gesetzt; ändern Sie ihn dort auf %4.</translation>
    </message>
    <message>
        <source>Cannot create a scratch folder to read the changed files: %1</source>
        <translation>Kein Arbeitsordner zum Lesen der geänderten Dateien möglich: %1</translation>
    </message>
    <message>
        <source>%1 has changed since the change set was made; nothing was written. Review the moves again.</source>
        <translation>%1 wurde seit dem Erstellen des Änderungssatzes geändert; nichts wurde geschrieben. Prüfen Sie die Verschiebungen erneut.</translation>
    </message>
    <message>
        <source>%1 Nothing was changed.</source>
        <translation>%1 Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Carry out: %1</source>
        <translation>Umsetzen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Carry out %n move(s) in the files</source>
        <translation>
            <numerusform>%n Verschiebung in den Dateien umsetzen</numerusform>
            <numerusform>%n Verschiebungen in den Dateien umsetzen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::ChangeSetDialog</name>
    <message>
        <source>&amp;Apply to Files</source>
        <translation>In Dateien &amp;anwenden</translation>
    </message>
    <message>
        <source>Save &amp;Patch…</source>
        <translation>&amp;Patch speichern …</translation>
    </message>
    <message>
        <source>&amp;Copy Patch</source>
        <translation>Patch &amp;kopieren</translation>
    </message>
    <message>
        <source>Carry Out Moves</source>
        <translation>Verschiebungen umsetzen</translation>
    </message>
    <message>
        <source>Manual steps</source>
        <translation>Manuelle Schritte</translation>
    </message>
    <message>
        <source>Manual Steps (%1)</source>
        <translation>Manuelle Schritte (%1)</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Write every changed file (all or none); Edit &gt; Undo puts them back</source>
        <translation>Jede geänderte Datei schreiben (alle oder keine); Bearbeiten &gt; Rückgängig stellt sie wieder her</translation>
    </message>
    <message>
        <source>A patch with paths relative to the plan&apos;s folder</source>
        <translation>Ein Patch mit Pfaden relativ zum Ordner des Plans</translation>
    </message>
    <message>
        <source>A patch for git apply, paths relative to %1</source>
        <translation>Ein Patch für git apply, Pfade relativ zu %1</translation>
    </message>
    <message numerus="yes">
        <source>Copied the patch of %n file(s)</source>
        <translation>
            <numerusform>Patch von %n Datei kopiert</numerusform>
            <numerusform>Patch von %n Dateien kopiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n move(s) carried out</source>
        <translation>
            <numerusform>%n Verschiebung umgesetzt</numerusform>
            <numerusform>%n Verschiebungen umgesetzt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) change</source>
        <translation>
            <numerusform>%n Datei ändert sich</numerusform>
            <numerusform>%n Dateien ändern sich</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n manual step(s)</source>
        <translation>
            <numerusform>%n manueller Schritt</numerusform>
            <numerusform>%n manuelle Schritte</numerusform>
        </translation>
    </message>
    <message>
        <source>A changed file no longer reads: %1. Apply is off; save the patch to fix it by hand.</source>
        <translation>Eine geänderte Datei lässt sich nicht mehr lesen: %1. Anwenden ist aus; speichern Sie den Patch und korrigieren Sie ihn von Hand.</translation>
    </message>
    <message numerus="yes">
        <source>Read again, the changed files resolve %n finding(s)</source>
        <translation>
            <numerusform>Erneut gelesen, lösen die geänderten Dateien %n Befund</numerusform>
            <numerusform>Erneut gelesen, lösen die geänderten Dateien %n Befunde</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>introduce %n</source>
        <translation>
            <numerusform>bringen %n neuen</numerusform>
            <numerusform>bringen %n neue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n move(s) still not done after reading</source>
        <translation>
            <numerusform>%n Verschiebung nach dem Lesen noch nicht erledigt</numerusform>
            <numerusform>%n Verschiebungen nach dem Lesen noch nicht erledigt</numerusform>
        </translation>
    </message>
    <message>
        <source>No linked file carries these moves; see the manual steps.</source>
        <translation>Keine verknüpfte Datei setzt diese Verschiebungen um; siehe die manuellen Schritte.</translation>
    </message>
    <message>
        <source>Changes in %1</source>
        <translation>Änderungen in %1</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>Alt</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Findings resolved and introduced</source>
        <translation>Gelöste und neue Befunde</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Resolved (%1)</source>
        <translation>Gelöst (%1)</translation>
    </message>
    <message>
        <source>Introduced (%1)</source>
        <translation>Neu (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Changed %n file(s); Edit &gt; Undo puts them back</source>
        <translation>
            <numerusform>%n Datei geändert; Bearbeiten &gt; Rückgängig stellt sie wieder her</numerusform>
            <numerusform>%n Dateien geändert; Bearbeiten &gt; Rückgängig stellt sie wieder her</numerusform>
        </translation>
    </message>
    <message>
        <source>Save Patch</source>
        <translation>Patch speichern</translation>
    </message>
    <message>
        <source>Patches (*.patch *.diff)</source>
        <translation>Patches (*.patch *.diff)</translation>
    </message>
    <message>
        <source>Saved the patch to %1</source>
        <translation>Patch in %1 gespeichert</translation>
    </message>
</context>
<context>
    <name>Portolan::CommandLine</name>
    <message>
        <source>portolan: unknown command &quot;%1&quot;</source>
        <translation>portolan: unbekannter Befehl „%1“</translation>
    </message>
    <message>
        <source>Render the main window (1400×900) to a PNG and exit.</source>
        <translation>Das Hauptfenster (1400×900) als PNG speichern und beenden.</translation>
    </message>
    <message>
        <source>OUT.png</source>
        <translation>AUSGABE.png</translation>
    </message>
    <message>
        <source>Use this language instead of the system&apos;s (e.g. de, en).</source>
        <translation>Diese Sprache statt der des Systems verwenden (z. B. de, en).</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>SPRACHE</translation>
    </message>
    <message>
        <source>Show the range grid with this layer: &quot;plan&quot; or a host id.</source>
        <translation>Das Bereichsraster mit dieser Ebene zeigen: „plan“ oder eine Host-ID.</translation>
    </message>
    <message>
        <source>LAYER</source>
        <translation>EBENE</translation>
    </message>
    <message>
        <source>The schema to open (default: the built-in sample).</source>
        <translation>Das zu öffnende Schema (Standard: das eingebaute Beispiel).</translation>
    </message>
    <message>
        <source>portolan: unknown command &quot;%1&quot; (try --help)</source>
        <translation>portolan: unbekannter Befehl „%1“ (siehe --help)</translation>
    </message>
    <message>
        <source>portolan: the schema has no host &quot;%1&quot;</source>
        <translation>portolan: das Schema hat keinen Host „%1“</translation>
    </message>
    <message>
        <source>portolan: cannot write %1</source>
        <translation>portolan: %1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>Output: text (default), json or markdown.</source>
        <translation>Ausgabe: text (Standard), json oder markdown.</translation>
    </message>
    <message>
        <source>The schema before.</source>
        <translation>Das Schema vorher.</translation>
    </message>
    <message>
        <source>The schema after.</source>
        <translation>Das Schema nachher.</translation>
    </message>
    <message>
        <source>portolan diff: expected OLD and NEW</source>
        <translation>portolan diff: ALT und NEU erwartet</translation>
    </message>
    <message>
        <source>portolan diff: unknown format &quot;%1&quot; (text, json or markdown)</source>
        <translation>portolan diff: unbekanntes Format „%1“ (text, json oder markdown)</translation>
    </message>
    <message>
        <source>Output format: %1.</source>
        <translation>Ausgabeformat: %1.</translation>
    </message>
    <message>
        <source>Export only this host.</source>
        <translation>Nur diesen Host exportieren.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Write here instead of standard output.</source>
        <translation>Hierhin schreiben statt auf die Standardausgabe.</translation>
    </message>
    <message>
        <source>OUT</source>
        <translation>AUSGABE</translation>
    </message>
    <message>
        <source>A format option, e.g. --set status=false.</source>
        <translation>Eine Formatoption, z. B. --set status=false.</translation>
    </message>
    <message>
        <source>KEY=VALUE</source>
        <translation>SCHLÜSSEL=WERT</translation>
    </message>
    <message>
        <source>The schema to export.</source>
        <translation>Das zu exportierende Schema.</translation>
    </message>
    <message>
        <source>portolan export: expected FILE and --to FORMAT</source>
        <translation>portolan export: DATEI und --to FORMAT erwartet</translation>
    </message>
    <message>
        <source>portolan export: unknown output format &quot;%1&quot; (known: %2)</source>
        <translation>portolan export: unbekanntes Ausgabeformat „%1“ (bekannt: %2)</translation>
    </message>
    <message>
        <source>portolan export: the schema has no host &quot;%1&quot;</source>
        <translation>portolan export: das Schema hat keinen Host „%1“</translation>
    </message>
    <message>
        <source>portolan export: --host ID is required for %1</source>
        <translation>portolan export: --host ID ist für %1 erforderlich</translation>
    </message>
    <message>
        <source>portolan export: --set expects KEY=VALUE, got &quot;%1&quot;</source>
        <translation>portolan export: --set erwartet SCHLÜSSEL=WERT, erhalten: „%1“</translation>
    </message>
    <message>
        <source>portolan export: cannot write to standard output</source>
        <translation>portolan export: Schreiben auf die Standardausgabe nicht möglich</translation>
    </message>
    <message>
        <source>Input format: %1.</source>
        <translation>Eingabeformat: %1.</translation>
    </message>
    <message>
        <source>The host the input describes.</source>
        <translation>Der Host, den die Eingabe beschreibt.</translation>
    </message>
    <message>
        <source>Merge into this schema instead of starting a new one.</source>
        <translation>Mit diesem Schema zusammenführen, statt ein neues zu beginnen.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Write the resulting schema here.</source>
        <translation>Das resultierende Schema hierhin schreiben.</translation>
    </message>
    <message>
        <source>The file to import.</source>
        <translation>Die zu importierende Datei.</translation>
    </message>
    <message>
        <source>portolan import: expected one INPUT file</source>
        <translation>portolan import: genau eine EINGABE-Datei erwartet</translation>
    </message>
    <message>
        <source>portolan import: --from FORMAT and -o OUT are required</source>
        <translation>portolan import: --from FORMAT und -o AUSGABE sind erforderlich</translation>
    </message>
    <message>
        <source>portolan import: unknown input format &quot;%1&quot; (known: %2)</source>
        <translation>portolan import: unbekanntes Eingabeformat „%1“ (bekannt: %2)</translation>
    </message>
    <message>
        <source>portolan import: --host ID is required for %1</source>
        <translation>portolan import: --host ID ist für %1 erforderlich</translation>
    </message>
    <message>
        <source>portolan import: %1 files are whole schemas; --into does not apply</source>
        <translation>portolan import: %1-Dateien sind vollständige Schemata; --into ist hier nicht anwendbar</translation>
    </message>
    <message>
        <source>Probe only this host (repeatable; default: all).</source>
        <translation>Nur diesen Host prüfen (wiederholbar; Standard: alle).</translation>
    </message>
    <message>
        <source>Also sweep these ports for listeners the plan does not know (repeatable).</source>
        <translation>Zusätzlich diese Ports nach lauschenden Diensten durchsuchen, die der Plan nicht kennt (wiederholbar).</translation>
    </message>
    <message>
        <source>FIRST-LAST</source>
        <translation>ERSTER-LETZTER</translation>
    </message>
    <message>
        <source>Per-attempt timeout (default 1500).</source>
        <translation>Zeitlimit je Versuch (Standard 1500).</translation>
    </message>
    <message>
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <source>Connection attempts at a time (default 32).</source>
        <translation>Gleichzeitige Verbindungsversuche (Standard 32).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Also GET this HTTP path (e.g. /health) on every listening service.</source>
        <translation>Zusätzlich diesen HTTP-Pfad (z. B. /health) bei jedem lauschenden Dienst abrufen.</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <source>Read target health from this Prometheus server.</source>
        <translation>Den Zustand der Ziele von diesem Prometheus-Server lesen.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Output: text (default) or json.</source>
        <translation>Ausgabe: text (Standard) oder json.</translation>
    </message>
    <message>
        <source>The schema whose hosts to probe.</source>
        <translation>Das Schema, dessen Hosts geprüft werden.</translation>
    </message>
    <message>
        <source>portolan probe: expected one FILE</source>
        <translation>portolan probe: genau eine DATEI erwartet</translation>
    </message>
    <message>
        <source>portolan probe: unknown format &quot;%1&quot; (text or json)</source>
        <translation>portolan probe: unbekanntes Format „%1“ (text oder json)</translation>
    </message>
    <message>
        <source>portolan probe: &quot;%1&quot; is not a port range like 3000-3099</source>
        <translation>portolan probe: „%1“ ist kein Portbereich wie 3000-3099</translation>
    </message>
    <message>
        <source>portolan probe: the timeout must be %1-%2 ms</source>
        <translation>portolan probe: das Zeitlimit muss %1-%2 ms betragen</translation>
    </message>
    <message>
        <source>portolan probe: the concurrency must be 1-%1</source>
        <translation>portolan probe: die Parallelität muss 1-%1 betragen</translation>
    </message>
    <message>
        <source>Prometheus target %1 (job %2) matches no service: %3</source>
        <translation>Prometheus-Ziel %1 (Job %2) passt zu keinem Dienst: %3</translation>
    </message>
    <message>
        <source>%1 of %2 deployed service(s) answered; %3 attempt(s), %4 listening</source>
        <translation>%1 von %2 Dienst(en) in Betrieb antworteten; %3 Versuch(e), %4 lauschend</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n info(s)</source>
        <translation>
            <numerusform>%n Hinweis</numerusform>
            <numerusform>%n Hinweise</numerusform>
        </translation>
    </message>
    <message>
        <source>portolan export: cannot write to standard output: %1</source>
        <translation>portolan export: Schreiben auf die Standardausgabe nicht möglich: %1</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Output: text (default), json, github or sarif.</source>
        <translation>Ausgabe: text (Standard), json, github oder sarif.</translation>
    </message>
    <message>
        <source>A schema (*.portolan.json, or a Markdown schema *.md) or a compose file (*.yml, *.yaml).</source>
        <translation>Ein Schema (*.portolan.json oder ein Markdown-Schema *.md) oder eine Compose-Datei (*.yml, *.yaml).</translation>
    </message>
    <message>
        <source>portolan check: expected at least one FILE</source>
        <translation>portolan check: mindestens eine DATEI erwartet</translation>
    </message>
    <message>
        <source>portolan check: unknown format &quot;%1&quot; (text, json, github or sarif)</source>
        <translation>portolan check: unbekanntes Format „%1“ (text, json, github oder sarif)</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>Diese Hilfe zeigen und beenden.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Die Version zeigen und beenden.</translation>
    </message>
    <message>
        <source>portolan: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set).
Commands such as &quot;portolan check FILE&quot; and --screenshot need none; see &quot;portolan --help&quot;.</source>
        <translation>portolan: keine Anzeige, auf der sich das Fenster öffnen ließe (DISPLAY und WAYLAND_DISPLAY sind nicht gesetzt).
Befehle wie „portolan check DATEI“ und --screenshot brauchen keine; siehe „portolan --help“.</translation>
    </message>
    <message>
        <source>portolan import: the result would not open again, so nothing was written: %1</source>
        <translation>portolan import: Das Ergebnis ließe sich nicht wieder öffnen, daher wurde nichts geschrieben: %1</translation>
    </message>
    <message>
        <source>The host the compose files run on, in messages (default: localhost).</source>
        <translation>Der Host, auf dem die Compose-Dateien laufen, in Meldungen (Standard: localhost).</translation>
    </message>
    <message>
        <source>Check a plan&apos;s stored reality; do not re-read its linked sources.</source>
        <translation>Die gespeicherte Realität eines Plans prüfen; seine verknüpften Quellen nicht neu lesen.</translation>
    </message>
    <message>
        <source>Linked %1 to host %2 as a source.</source>
        <translation>%1 als Quelle mit Host %2 verknüpft.</translation>
    </message>
    <message>
        <source>The plan whose moves to list.</source>
        <translation>Der Plan, dessen Umzüge aufgelistet werden.</translation>
    </message>
    <message>
        <source>portolan moves: expected one FILE and --format text or json</source>
        <translation>portolan moves: genau eine DATEI und --format text oder json erwartet</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>von Hand</translation>
    </message>
    <message>
        <source>swap with %1</source>
        <translation>Tausch mit %1</translation>
    </message>
    <message>
        <source>Carry out this move (repeatable; see portolan moves).</source>
        <translation>Diesen Umzug ausführen (wiederholbar; siehe portolan moves).</translation>
    </message>
    <message>
        <source>Carry out every move.</source>
        <translation>Jeden Umzug ausführen.</translation>
    </message>
    <message>
        <source>Write the patch here instead of standard output.</source>
        <translation>Den Patch hierhin schreiben statt auf die Standardausgabe.</translation>
    </message>
    <message>
        <source>Change the files themselves (all or none).</source>
        <translation>Die Dateien selbst ändern (alle oder keine).</translation>
    </message>
    <message>
        <source>The plan whose moves to carry out.</source>
        <translation>Der Plan, dessen Umzüge ausgeführt werden.</translation>
    </message>
    <message>
        <source>portolan apply: expected one FILE, --move ID… or --all, and at most one of --patch and --write</source>
        <translation>portolan apply: genau eine DATEI, --move ID… oder --all und höchstens eines von --patch und --write erwartet</translation>
    </message>
    <message>
        <source>portolan apply: there is no move &quot;%1&quot; (see portolan moves)</source>
        <translation>portolan apply: es gibt keinen Umzug „%1“ (siehe portolan moves)</translation>
    </message>
    <message>
        <source>manual step: %1</source>
        <translation>Schritt von Hand: %1</translation>
    </message>
    <message>
        <source>changed %1</source>
        <translation>%1 geändert</translation>
    </message>
    <message>
        <source>Portolan, an editor for port schemas.

Commands (run without a window; &quot;portolan COMMAND --help&quot; for their options):
  check FILE... [--format text|json|github|sarif] [--host ID] [--no-refresh]
  import INPUT --from markdown|compose|prometheus [--host ID] [--into FILE] -o OUT
  export FILE --to markdown|compose|prometheus|file-sd|env|png|svg [--host ID] [-o OUT] [--set KEY=VALUE]
  diff OLD NEW [--format text|json|markdown]
  probe FILE [--host ID] [--range FIRST-LAST] [--timeout MS] [--concurrency N] [--health PATH]
        [--prometheus URL] [--format text|json]
  moves FILE [--format text|json]
  apply FILE [--move ID...|--all] [--patch OUT|--write]

Exit status: 0 fine, 1 check or probe found a problem or apply left a manual step, 2 bad usage or
unreadable input.</source>
        <translation>Portolan, ein Editor für Portschemata.

Befehle (laufen ohne Fenster; „portolan BEFEHL --help“ zeigt ihre Optionen):
  check DATEI... [--format text|json|github|sarif] [--host ID] [--no-refresh]
  import EINGABE --from markdown|compose|prometheus [--host ID] [--into DATEI] -o AUSGABE
  export DATEI --to markdown|compose|prometheus|file-sd|env|png|svg [--host ID] [-o AUSGABE] [--set SCHLÜSSEL=WERT]
  diff ALT NEU [--format text|json|markdown]
  probe DATEI [--host ID] [--range ERSTER-LETZTER] [--timeout MS] [--concurrency N] [--health PFAD]
        [--prometheus URL] [--format text|json]
  moves DATEI [--format text|json]
  apply DATEI [--move ID...|--all] [--patch AUSGABE|--write]

Exit-Status: 0 in Ordnung, 1 check oder probe hat ein Problem gefunden oder apply hat einen Schritt von Hand
übrig gelassen, 2 falscher Aufruf oder unlesbare Eingabe.</translation>
    </message>
    <message numerus="yes">
        <source>re-reading %Ln linked source(s)</source>
        <translation>
            <numerusform>lese %Ln verknüpfte Quelle neu</numerusform>
            <numerusform>lese %Ln verknüpfte Quellen neu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>analysing %Ln service(s)</source>
        <translation>
            <numerusform>analysiere %Ln Dienst</numerusform>
            <numerusform>analysiere %Ln Dienste</numerusform>
        </translation>
    </message>
    <message>
        <source>reading %1</source>
        <translation>lese %1</translation>
    </message>
    <message numerus="yes">
        <source>reading %Ln compose file(s)</source>
        <translation>
            <numerusform>lese %Ln Compose-Datei</numerusform>
            <numerusform>lese %Ln Compose-Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>writing %1</source>
        <translation>schreibe %1</translation>
    </message>
    <message>
        <source>writing %1 (%2 %)</source>
        <translation>schreibe %1 (%2 %)</translation>
    </message>
</context>
<context>
    <name>Portolan::Compose</name>
    <message>
        <source>&quot;%1&quot; is not a port or a port range.</source>
        <translation>„%1“ ist kein Port und kein Portbereich.</translation>
    </message>
    <message>
        <source>Port %1 is outside 1–65535.</source>
        <translation>Port %1 liegt außerhalb von 1–65535.</translation>
    </message>
    <message>
        <source>The port range &quot;%1&quot; ends before it starts.</source>
        <translation>Der Portbereich „%1“ endet vor seinem Anfang.</translation>
    </message>
    <message>
        <source>Unsupported protocol &quot;%1&quot; (tcp or udp).</source>
        <translation>Nicht unterstütztes Protokoll „%1“ (tcp oder udp).</translation>
    </message>
    <message>
        <source>The port specification is empty.</source>
        <translation>Die Portangabe ist leer.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has an unclosed or misplaced IPv6 bracket.</source>
        <translation>„%1“ enthält eine nicht geschlossene oder falsch gesetzte IPv6-Klammer.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not IP:HOST:CONTAINER.</source>
        <translation>„%1“ hat nicht die Form IP:HOST:CONTAINER.</translation>
    </message>
    <message>
        <source>The published port before &quot;:&quot; is empty in &quot;%1&quot;.</source>
        <translation>Der veröffentlichte Port vor „:“ ist in „%1“ leer.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address.</source>
        <translation>„%1“ ist keine IP-Adresse.</translation>
    </message>
    <message>
        <source>The container port is missing in &quot;%1&quot;.</source>
        <translation>In „%1“ fehlt der Container-Port.</translation>
    </message>
    <message>
        <source>The range in &quot;%1&quot; has more than %2 ports.</source>
        <translation>Der Bereich in „%1“ umfasst mehr als %2 Ports.</translation>
    </message>
    <message>
        <source>The published range %1 and the container range %2 differ in length.</source>
        <translation>Der veröffentlichte Bereich %1 und der Container-Bereich %2 sind unterschiedlich lang.</translation>
    </message>
    <message>
        <source>The variable %1 is not set; it is read as an empty string.</source>
        <translation>Die Variable %1 ist nicht gesetzt; sie wird als leere Zeichenkette gelesen.</translation>
    </message>
    <message>
        <source>Invalid interpolation &quot;%1&quot;; it is kept as written.</source>
        <translation>Ungültige Interpolation „%1“; sie bleibt unverändert.</translation>
    </message>
    <message>
        <source>Unclosed &quot;${&quot; in &quot;%1&quot;; it is kept as written.</source>
        <translation>Nicht geschlossenes „${“ in „%1“; es bleibt unverändert.</translation>
    </message>
    <message>
        <source>The required variable %1 is not set.</source>
        <translation>Die erforderliche Variable %1 ist nicht gesetzt.</translation>
    </message>
    <message>
        <source>The required variable %1 is not set: %2</source>
        <translation>Die erforderliche Variable %1 ist nicht gesetzt: %2</translation>
    </message>
    <message>
        <source>The value nests &quot;${&quot; more than %1 levels deep.</source>
        <translation>Der Wert verschachtelt „${“ mehr als %1 Ebenen tief.</translation>
    </message>
    <message>
        <source>The .env file contains binary data (a NUL byte), not text.</source>
        <translation>Die .env-Datei enthält Binärdaten (ein NUL-Byte), keinen Text.</translation>
    </message>
</context>
<context>
    <name>Portolan::ComposeFormat</name>
    <message>
        <source>docker-compose</source>
        <translation>docker-compose</translation>
    </message>
    <message>
        <source>Compose files (*.yml *.yaml)</source>
        <translation>Compose-Dateien (*.yml *.yaml)</translation>
    </message>
    <message>
        <source>A compose file is a mapping with a &quot;services&quot; key.</source>
        <translation>Eine Compose-Datei ist ein Mapping mit dem Schlüssel „services“.</translation>
    </message>
    <message>
        <source>The file has no &quot;services&quot; mapping.</source>
        <translation>Die Datei hat kein „services“-Mapping.</translation>
    </message>
    <message>
        <source>docker (host network)</source>
        <translation>docker (Host-Netzwerk)</translation>
    </message>
    <message>
        <source>The engine picks the host port.</source>
        <translation>Die Engine wählt den Host-Port.</translation>
    </message>
    <message>
        <source>A compose file describes one host: choose the host it belongs to.</source>
        <translation>Eine Compose-Datei beschreibt einen Host: Wählen Sie den zugehörigen Host.</translation>
    </message>
    <message>
        <source>Choose a host of the schema for the compose snippet.</source>
        <translation>Wählen Sie einen Host des Schemas für das Compose-Snippet.</translation>
    </message>
    <message>
        <source>The service &quot;%1&quot; is not a mapping.</source>
        <translation>Der Dienst „%1“ ist kein Mapping.</translation>
    </message>
    <message>
        <source>Service &quot;%1&quot;: invalid expose entry &quot;%2&quot;: %3</source>
        <translation>Dienst „%1“: ungültiger expose-Eintrag „%2“: %3</translation>
    </message>
    <message>
        <source>Service &quot;%1&quot;: ports must be a list.</source>
        <translation>Dienst „%1“: ports muss eine Liste sein.</translation>
    </message>
    <message>
        <source>Service &quot;%1&quot;: a port entry must be a string or a mapping.</source>
        <translation>Dienst „%1“: Ein Port-Eintrag muss eine Zeichenkette oder ein Mapping sein.</translation>
    </message>
    <message>
        <source>Service &quot;%1&quot;: the port &quot;%2&quot; depends on an unset variable and was skipped.</source>
        <translation>Dienst „%1“: Der Port „%2“ hängt von einer nicht gesetzten Variablen ab und wurde übersprungen.</translation>
    </message>
    <message>
        <source>Service &quot;%1&quot;: invalid port &quot;%2&quot;: %3</source>
        <translation>Dienst „%1“: ungültiger Port „%2“: %3</translation>
    </message>
    <message>
        <source>Service &quot;%1&quot;: invalid port: %2</source>
        <translation>Dienst „%1“: ungültiger Port: %2</translation>
    </message>
    <message>
        <source>the long syntax needs a target port.</source>
        <translation>die lange Syntax braucht einen Zielport (target).</translation>
    </message>
    <message>
        <source>Service &quot;%1&quot;: the port depends on an unset variable and was skipped.</source>
        <translation>Dienst „%1“: Der Port hängt von einer nicht gesetzten Variablen ab und wurde übersprungen.</translation>
    </message>
    <message>
        <source>Service &quot;%1&quot;: the file lists more than %L2 port mappings; no host has that many ports.</source>
        <translation>Dienst „%1“: Die Datei enthält mehr als %L2 Port-Zuordnungen; so viele Ports hat kein Host.</translation>
    </message>
    <message>
        <source>The .env file is too large (%1 KB; at most %2 KB are read).</source>
        <translation>Die .env-Datei ist zu groß (%1 KB; gelesen werden höchstens %2 KB).</translation>
    </message>
    <message>
        <source>The port %1 in &quot;%2&quot; is outside 1–65535; it is not read as a reference.</source>
        <translation>Der Port %1 in „%2“ liegt außerhalb von 1–65535; er wird nicht als Verweis gelesen.</translation>
    </message>
    <message>
        <source>Service &quot;%1&quot;: deploy.replicas &quot;%2&quot; is not a number; one replica is assumed.</source>
        <translation>Dienst „%1“: deploy.replicas „%2“ ist keine Zahl; eine Replik wird angenommen.</translation>
    </message>
    <message>
        <source>Service &quot;%1&quot;: ports are ignored with network_mode: host; the service listens on the host&apos;s ports directly (list them under expose: to plan them).</source>
        <translation>Dienst „%1“: ports werden mit network_mode: host ignoriert; der Dienst lauscht direkt auf den Ports des Hosts (unter expose: aufführen, um sie zu planen).</translation>
    </message>
    <message>
        <source>The project includes more than %1 files; an include: probably loops.</source>
        <translation>Das Projekt bindet mehr als %1 Dateien ein; ein include: läuft vermutlich im Kreis.</translation>
    </message>
    <message>
        <source>include: must be a list of files.</source>
        <translation>include: muss eine Liste von Dateien sein.</translation>
    </message>
    <message>
        <source>An include: entry needs a file path.</source>
        <translation>Ein include:-Eintrag braucht einen Dateipfad.</translation>
    </message>
    <message>
        <source>include: of &quot;%1&quot; is a cycle: the file includes itself.</source>
        <translation>include: von „%1“ ist ein Kreis: die Datei bindet sich selbst ein.</translation>
    </message>
    <message>
        <source>The included file &quot;%1&quot; cannot be read: %2</source>
        <translation>Die eingebundene Datei „%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The service &quot;%1&quot; of the included file &quot;%2&quot; is also defined in %3; Compose refuses such a project.</source>
        <translation>Der Dienst „%1“ der eingebundenen Datei „%2“ ist auch in %3 definiert; Compose lehnt ein solches Projekt ab.</translation>
    </message>
    <message>
        <source>This is a version 1 compose file (services at the top level, no &quot;services:&quot; key). Compose v2 and Portolan read only the later format: move the services under &quot;services:&quot;.</source>
        <translation>Dies ist eine Compose-Datei im Format 1 (Dienste auf oberster Ebene, kein Schlüssel „services:“). Compose v2 und Portolan lesen nur das spätere Format: die Dienste unter „services:“ verschieben.</translation>
    </message>
    <message>
        <source>The service &quot;%1&quot; is also defined by an included file (%2); Compose refuses such a project.</source>
        <translation>Der Dienst „%1“ ist auch in einer eingebundenen Datei definiert (%2); Compose lehnt ein solches Projekt ab.</translation>
    </message>
    <message>
        <source>Service &quot;%1&quot;: extends: needs the service it extends.</source>
        <translation>Dienst „%1“: extends: braucht den Dienst, den er erweitert.</translation>
    </message>
    <message>
        <source>Service &quot;%1&quot;: extends: is a cycle (%2).</source>
        <translation>Dienst „%1“: extends: ist ein Kreis (%2).</translation>
    </message>
    <message>
        <source>Service &quot;%1&quot; extends &quot;%2&quot;, which the file does not define.</source>
        <translation>Dienst „%1“ erweitert „%2“, den die Datei nicht definiert.</translation>
    </message>
    <message>
        <source>The extended file &quot;%1&quot; cannot be read: %2</source>
        <translation>Die erweiterte Datei „%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>extends: reads more than %1 files.</source>
        <translation>extends: liest mehr als %1 Dateien.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; defines no service &quot;%2&quot; to extend.</source>
        <translation>„%1“ definiert keinen Dienst „%2“ zum Erweitern.</translation>
    </message>
    <message>
        <source>Service &quot;%1&quot; runs %2 replicas on the fixed host port %3: replicas 2 to %2 cannot bind it.</source>
        <translation>Dienst „%1“ läuft mit %2 Repliken auf dem festen Host-Port %3: die Repliken 2 bis %2 können ihn nicht binden.</translation>
    </message>
    <message>
        <source>The engine picks one free port of %1-%2; the service holds them all.</source>
        <translation>Die Engine wählt einen freien Port aus %1-%2; der Dienst belegt sie alle.</translation>
    </message>
    <message numerus="yes">
        <source>%n replica(s) share this fixed host port: only one can bind it.</source>
        <translation>
            <numerusform>%n Replik teilt diesen festen Host-Port: nur eine kann ihn binden.</numerusform>
            <numerusform>%n Repliken teilen diesen festen Host-Port: nur eine kann ihn binden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Ports of host %1 from the Portolan schema &quot;%2&quot;, for Compose before 2.24.4.</source>
        <translation>Ports von Host %1 aus dem Portolan-Schema „%2“, für Compose vor 2.24.4.</translation>
    </message>
    <message>
        <source>Replace each service&apos;s ports: in docker-compose.yml with these (an override file would add them to the old ones).</source>
        <translation>Ersetzen Sie die ports: jedes Dienstes in docker-compose.yml durch diese (eine Override-Datei würde sie zu den alten hinzufügen).</translation>
    </message>
    <message>
        <source>Ports of host %1 from the Portolan schema &quot;%2&quot;, for Compose 2.24.4 or later.</source>
        <translation>Ports von Host %1 aus dem Portolan-Schema „%2“, für Compose 2.24.4 oder neuer.</translation>
    </message>
    <message>
        <source>Use with docker compose -f docker-compose.yml -f THIS_FILE; !override replaces the base file&apos;s ports instead of adding to them.</source>
        <translation>Verwendung: docker compose -f docker-compose.yml -f DIESE_DATEI; !override ersetzt die Ports der Basisdatei, statt sie zu ergänzen.</translation>
    </message>
</context>
<context>
    <name>Portolan::Editing</name>
    <message>
        <source>Remove host %1</source>
        <translation>Host %1 entfernen</translation>
    </message>
    <message>
        <source>Remove range %1</source>
        <translation>Bereich %1 entfernen</translation>
    </message>
    <message>
        <source>Rename host id %1 to %2</source>
        <translation>Host-ID %1 in %2 umbenennen</translation>
    </message>
    <message>
        <source>Add host %1</source>
        <translation>Host %1 hinzufügen</translation>
    </message>
    <message>
        <source>Add range %1</source>
        <translation>Bereich %1 hinzufügen</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n service(s)</source>
        <translation>
            <numerusform>%n Dienst entfernen</numerusform>
            <numerusform>%n Dienste entfernen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n service(s)</source>
        <translation>
            <numerusform>%n Dienst duplizieren</numerusform>
            <numerusform>%n Dienste duplizieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Planned port</source>
        <translation>Plan-Port</translation>
    </message>
    <message>
        <source>Actual port</source>
        <translation>Ist-Port</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
</context>
<context>
    <name>Portolan::EnvFormat</name>
    <message>
        <source>Environment file</source>
        <translation>Umgebungsdatei</translation>
    </message>
    <message>
        <source>Environment files (*.env)</source>
        <translation>Umgebungsdateien (*.env)</translation>
    </message>
    <message>
        <source>Ports from the Portolan schema &quot;%1&quot;.</source>
        <translation>Ports aus dem Portolan-Schema „%1“.</translation>
    </message>
    <message>
        <source>Ports of host %1 from the Portolan schema &quot;%2&quot;.</source>
        <translation>Ports von Host %1 aus dem Portolan-Schema „%2“.</translation>
    </message>
</context>
<context>
    <name>Portolan::ExportDialog</name>
    <message>
        <source>Include the &amp;status block (real ports per host)</source>
        <translation>&amp;Statusblock einbeziehen (Ist-Ports je Host)</translation>
    </message>
    <message>
        <source>Include &amp;known problems</source>
        <translation>&amp;Bekannte Probleme einbeziehen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation>Alle Hosts</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Save As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n byte(s), no text preview.</source>
        <translation>
            <numerusform>%1: %n Byte, keine Textvorschau.</numerusform>
            <numerusform>%1: %n Bytes, keine Textvorschau.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Compose 2.24.4 or later (ports: !override)</source>
        <translation>Compose 2.24.4 oder neuer (ports: !override)</translation>
    </message>
    <message>
        <source>Older Compose (ports to paste into the file)</source>
        <translation>Älteres Compose (Ports zum Einfügen in die Datei)</translation>
    </message>
    <message>
        <source>&amp;Compose:</source>
        <translation>&amp;Compose:</translation>
    </message>
    <message>
        <source>Writing the %1 export…</source>
        <translation>Export %1 wird geschrieben…</translation>
    </message>
</context>
<context>
    <name>Portolan::ExportPreview</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Export preview</source>
        <translation>Exportvorschau</translation>
    </message>
    <message>
        <source>Copy the whole export to the clipboard</source>
        <translation>Den gesamten Export in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>%1 cannot be exported.</source>
        <translation>%1 kann nicht exportiert werden.</translation>
    </message>
    <message>
        <source>Writing the export</source>
        <translation>Export wird geschrieben</translation>
    </message>
    <message numerus="yes">
        <source>The preview shows the first %1 of %Ln line(s); Copy and Save As take all of them.</source>
        <translation>
            <numerusform>Die Vorschau zeigt die ersten %1 von %Ln Zeile; Kopieren und Speichern unter nehmen alle.</numerusform>
            <numerusform>Die Vorschau zeigt die ersten %1 von %Ln Zeilen; Kopieren und Speichern unter nehmen alle.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::GridPainter</name>
    <message>
        <source>Next free ▸</source>
        <translation>Nächster freier Port ▸</translation>
    </message>
    <message>
        <source>Plan: planned ports of all hosts</source>
        <translation>Plan: geplante Ports aller Hosts</translation>
    </message>
    <message>
        <source>Host %1: actual ports</source>
        <translation>Host %1: Ist-Ports</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n port(s) in use outside every range</source>
        <translation>
            <numerusform>%1 — %n Port außerhalb aller Bereiche belegt</numerusform>
            <numerusform>%1 — %n Ports außerhalb aller Bereiche belegt</numerusform>
        </translation>
    </message>
    <message>
        <source>no host</source>
        <translation>kein Host</translation>
    </message>
    <message>
        <source>reserved</source>
        <translation>reserviert</translation>
    </message>
    <message>
        <source>planned here, runs elsewhere</source>
        <translation>hier geplant, läuft woanders</translation>
    </message>
    <message>
        <source>%1 (actual)</source>
        <translation>%1 (Ist)</translation>
    </message>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2) — %3/%4 used (%n reserved)</source>
        <translation>
            <numerusform>%1 (%2) — %3/%4 belegt (%n reserviert)</numerusform>
            <numerusform>%1 (%2) — %3/%4 belegt (%n reserviert)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2) — %3/%4 used</source>
        <translation>%1 (%2) — %3/%4 belegt</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n weiterer</numerusform>
            <numerusform>+%n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::GridPictureFormat</name>
    <message>
        <source>Unranged</source>
        <translation>Ohne Bereich</translation>
    </message>
    <message>
        <source>Port grid</source>
        <translation>Portraster</translation>
    </message>
    <message>
        <source>Cannot start the SVG output.</source>
        <translation>Die SVG-Ausgabe kann nicht gestartet werden.</translation>
    </message>
    <message>
        <source>The grid is too large for a PNG (%1×%2 pixels); export SVG instead.</source>
        <translation>Das Raster ist zu groß für ein PNG (%1×%2 Pixel); exportieren Sie stattdessen SVG.</translation>
    </message>
    <message>
        <source>Cannot encode the PNG image.</source>
        <translation>Das PNG-Bild kann nicht kodiert werden.</translation>
    </message>
    <message>
        <source>Range grid picture (SVG)</source>
        <translation>Bild des Bereichsrasters (SVG)</translation>
    </message>
    <message>
        <source>Range grid picture (PNG)</source>
        <translation>Bild des Bereichsrasters (PNG)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>colour must be host or status, not &quot;%1&quot;</source>
        <translation>colour muss host oder status sein, nicht „%1“</translation>
    </message>
</context>
<context>
    <name>Portolan::HostTableModel</name>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>A host needs a name.</source>
        <translation>Ein Host braucht einen Namen.</translation>
    </message>
    <message>
        <source>Edit host %1</source>
        <translation>Host %1 bearbeiten</translation>
    </message>
    <message>
        <source>%1 (id %2)</source>
        <translation>%1 (ID %2)</translation>
    </message>
</context>
<context>
    <name>Portolan::Import</name>
    <message>
        <source>container %1</source>
        <translation>Container %1</translation>
    </message>
    <message>
        <source>no port</source>
        <translation>kein Port</translation>
    </message>
    <message>
        <source>host %1</source>
        <translation>Host %1</translation>
    </message>
    <message>
        <source>host %1 → %2</source>
        <translation>Host %1 → %2</translation>
    </message>
    <message>
        <source>actual port %1 → %2</source>
        <translation>Ist-Port %1 → %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>unpublished</source>
        <translation>nicht veröffentlicht</translation>
    </message>
    <message>
        <source>container port %1</source>
        <translation>Container-Port %1</translation>
    </message>
    <message>
        <source>protocol %1</source>
        <translation>Protokoll %1</translation>
    </message>
    <message>
        <source>bound to all addresses</source>
        <translation>an alle Adressen gebunden</translation>
    </message>
    <message>
        <source>bound to %1</source>
        <translation>an %1 gebunden</translation>
    </message>
    <message>
        <source>No host was given for the import.</source>
        <translation>Für den Import wurde kein Host angegeben.</translation>
    </message>
    <message>
        <source>Added host %1.</source>
        <translation>Host %1 hinzugefügt.</translation>
    </message>
    <message>
        <source>%1: the plan has it on host %2; the one on %3 is kept as another instance.</source>
        <translation>%1: Der Plan führt ihn auf Host %2; der auf %3 wird als weitere Instanz behalten.</translation>
    </message>
    <message>
        <source>%1: several plan services could be meant (%2); added as a new service.</source>
        <translation>%1: Mehrere Plandienste kommen infrage (%2); als neuer Dienst hinzugefügt.</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message numerus="yes">
        <source>Added %n undocumented service(s): %1</source>
        <translation>
            <numerusform>%n undokumentierten Dienst hinzugefügt: %1</numerusform>
            <numerusform>%n undokumentierte Dienste hinzugefügt: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Matched %n plan service(s); %1 changed.</source>
        <translation>
            <numerusform>%n Plandienst zugeordnet; %1 geändert.</numerusform>
            <numerusform>%n Plandienste zugeordnet; %1 geändert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In the plan on %1 but not in the file (%n): %2</source>
        <translation>
            <numerusform>Im Plan auf %1, aber nicht in der Datei (%n): %2</numerusform>
            <numerusform>Im Plan auf %1, aber nicht in der Datei (%n): %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Found %n reference(s) between services.</source>
        <translation>
            <numerusform>%n Verweis zwischen Diensten gefunden.</numerusform>
            <numerusform>%n Verweise zwischen Diensten gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (job %2)</source>
        <translation>%1 (Job %2)</translation>
    </message>
    <message>
        <source>%1 is scraped by several jobs (%2, %3); the first is kept.</source>
        <translation>%1 wird von mehreren Jobs abgefragt (%2, %3); der erste wird behalten.</translation>
    </message>
    <message>
        <source>%1: scraped as job %2 at %3%4 every %5</source>
        <translation>%1: abgefragt als Job %2 unter %3%4, Intervall: %5</translation>
    </message>
    <message>
        <source>default interval</source>
        <translation>Standard</translation>
    </message>
    <message numerus="yes">
        <source>Matched %n scrape target(s) to services.</source>
        <translation>
            <numerusform>%n Scrape-Ziel einem Dienst zugeordnet.</numerusform>
            <numerusform>%n Scrape-Ziele Diensten zugeordnet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Target %1 matches no service.</source>
        <translation>Ziel %1 passt zu keinem Dienst.</translation>
    </message>
    <message numerus="yes">
        <source>%1: matched by name to compose service %2, whose %n port(s) do not include the planned %3; took %4, its first published one.</source>
        <translation>
            <numerusform>%1: über den Namen dem Compose-Dienst %2 zugeordnet, dessen %n Port den geplanten %3 nicht enthält; %4 übernommen, sein erster veröffentlichter.</numerusform>
            <numerusform>%1: über den Namen dem Compose-Dienst %2 zugeordnet, dessen %n Ports den geplanten %3 nicht enthalten; %4 übernommen, sein erster veröffentlichter.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::JsonFormat</name>
    <message>
        <source>Portolan schema</source>
        <translation>Portolan-Schema</translation>
    </message>
    <message>
        <source>Portolan schema (*.portolan.json *.json)</source>
        <translation>Portolan-Schema (*.portolan.json *.json)</translation>
    </message>
    <message>
        <source>the format version is missing; this is not a Portolan schema</source>
        <translation>die Formatversion fehlt; dies ist kein Portolan-Schema</translation>
    </message>
    <message>
        <source>format version %1 is not supported (this Portolan reads version %2)</source>
        <translation>Formatversion %1 wird nicht unterstützt (diese Portolan-Version liest Version %2)</translation>
    </message>
    <message>
        <source>the id must not be empty</source>
        <translation>die ID darf nicht leer sein</translation>
    </message>
    <message>
        <source>duplicate host id &quot;%1&quot;</source>
        <translation>doppelte Host-ID „%1“</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a colour</source>
        <translation>„%1“ ist keine Farbe</translation>
    </message>
    <message>
        <source>the range starts at %1, after its end %2</source>
        <translation>der Bereich beginnt bei %1, nach seinem Ende %2</translation>
    </message>
    <message>
        <source>duplicate range id &quot;%1&quot;</source>
        <translation>doppelte Bereichs-ID „%1“</translation>
    </message>
    <message>
        <source>no range has the id &quot;%1&quot;</source>
        <translation>kein Bereich hat die ID „%1“</translation>
    </message>
    <message>
        <source>the reservation starts at %1, after its end %2</source>
        <translation>die Reservierung beginnt bei %1, nach ihrem Ende %2</translation>
    </message>
    <message>
        <source>duplicate service id &quot;%1&quot; (first used by services[%2])</source>
        <translation>doppelte Dienst-ID „%1“ (zuerst verwendet von services[%2])</translation>
    </message>
    <message>
        <source>no host has the id &quot;%1&quot;</source>
        <translation>kein Host hat die ID „%1“</translation>
    </message>
    <message>
        <source>no service has the id &quot;%1&quot;</source>
        <translation>kein Dienst hat die ID „%1“</translation>
    </message>
    <message>
        <source>expected a percentage from 1 to 100</source>
        <translation>erwartet wird ein Prozentwert von 1 bis 100</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a severity (error, warning, info)</source>
        <translation>„%1“ ist kein Schweregrad (error, warning, info)</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot;</source>
        <translation>unbekannter Schlüssel „%1“</translation>
    </message>
    <message>
        <source>required key is missing</source>
        <translation>erforderlicher Schlüssel fehlt</translation>
    </message>
    <message>
        <source>expected a string, found %1</source>
        <translation>Zeichenkette erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>expected an integer, found %1</source>
        <translation>Ganzzahl erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>%1 is not a port number (1-65535)</source>
        <translation>%1 ist keine Portnummer (1-65535)</translation>
    </message>
    <message>
        <source>expected true or false, found %1</source>
        <translation>true oder false erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>expected a list of strings, found %1</source>
        <translation>Liste von Zeichenketten erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not tcp or udp</source>
        <translation>„%1“ ist weder tcp noch udp</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a status (planned, deployed, not-deployed, retired)</source>
        <translation>„%1“ ist kein Status (planned, deployed, not-deployed, retired)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an exposure (public, host, internal)</source>
        <translation>„%1“ ist keine Sichtbarkeit (public, host, internal)</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>expected a JSON object at the top level</source>
        <translation>auf oberster Ebene wird ein JSON-Objekt erwartet</translation>
    </message>
    <message>
        <source>garbage at the end of the document</source>
        <translation>überzählige Zeichen am Ende des Dokuments</translation>
    </message>
    <message>
        <source>illegal value</source>
        <translation>ungültiger Wert</translation>
    </message>
    <message>
        <source>unexpected end of the document</source>
        <translation>unerwartetes Ende des Dokuments</translation>
    </message>
    <message>
        <source>illegal number</source>
        <translation>ungültige Zahl</translation>
    </message>
    <message>
        <source>number out of range</source>
        <translation>Zahl außerhalb des gültigen Bereichs</translation>
    </message>
    <message>
        <source>unterminated string</source>
        <translation>nicht abgeschlossene Zeichenkette</translation>
    </message>
    <message>
        <source>control character in a string</source>
        <translation>Steuerzeichen in einer Zeichenkette</translation>
    </message>
    <message>
        <source>invalid UTF-8 in a string</source>
        <translation>ungültiges UTF-8 in einer Zeichenkette</translation>
    </message>
    <message>
        <source>illegal escape sequence</source>
        <translation>ungültige Escape-Sequenz</translation>
    </message>
    <message>
        <source>too deeply nested</source>
        <translation>zu tief verschachtelt</translation>
    </message>
    <message>
        <source>missing value separator</source>
        <translation>fehlendes Trennzeichen zwischen Werten</translation>
    </message>
    <message>
        <source>unterminated array</source>
        <translation>nicht abgeschlossene Liste</translation>
    </message>
    <message>
        <source>unterminated object</source>
        <translation>nicht abgeschlossenes Objekt</translation>
    </message>
    <message>
        <source>missing name separator</source>
        <translation>fehlender Doppelpunkt nach dem Namen</translation>
    </message>
    <message>
        <source>expected a list, found %1</source>
        <translation>Liste erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>expected an object, found %1</source>
        <translation>Objekt erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>unknown source kind &quot;%1&quot; (compose, prometheus, cloudflared or env)</source>
        <translation>unbekannte Quellenart „%1“ (compose, prometheus, cloudflared oder env)</translation>
    </message>
    <message>
        <source>a source needs at least one file name</source>
        <translation>eine Quelle braucht mindestens einen Dateinamen</translation>
    </message>
    <message>
        <source>the key &quot;%1&quot; appears twice</source>
        <translation>der Schlüssel „%1“ kommt zweimal vor</translation>
    </message>
    <message>
        <source>the document is too large (at most 4 GB)</source>
        <translation>das Dokument ist zu groß (höchstens 4 GB)</translation>
    </message>
</context>
<context>
    <name>Portolan::LinkedSources</name>
    <message>
        <source>A cloudflared configuration is a mapping with an &quot;ingress&quot; list.</source>
        <translation>Eine cloudflared-Konfiguration ist eine Zuordnung mit einer „ingress“-Liste.</translation>
    </message>
    <message>
        <source>This is not a cloudflared configuration: it has no &quot;ingress&quot; list.</source>
        <translation>Dies ist keine cloudflared-Konfiguration: sie hat keine „ingress“-Liste.</translation>
    </message>
    <message>
        <source>An ingress rule must be a mapping.</source>
        <translation>Eine Ingress-Regel muss eine Zuordnung sein.</translation>
    </message>
    <message>
        <source>An ingress rule needs a service.</source>
        <translation>Eine Ingress-Regel braucht einen service.</translation>
    </message>
    <message>
        <source>The ingress service &quot;%1&quot; names no host and port; skipped.</source>
        <translation>Der Ingress-Dienst „%1“ nennt keinen Host und Port; übersprungen.</translation>
    </message>
    <message>
        <source>The source names no file.</source>
        <translation>Die Quelle nennt keine Datei.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Die Datei kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 of %2 cannot be read: %3</source>
        <translation>%1 von %2 kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>%1 points at port %2 on %3, where nothing is published.</source>
        <translation>%1 zeigt auf Port %2 auf %3, wo nichts veröffentlicht ist.</translation>
    </message>
    <message>
        <source>Tunnel rule %1 → %2: nothing on %3 publishes port %4.</source>
        <translation>Tunnelregel %1 → %2: nichts auf %3 veröffentlicht Port %4.</translation>
    </message>
    <message>
        <source>%1: public as %2 (tunnel rule at %3).</source>
        <translation>%1: öffentlich als %2 (Tunnelregel in %3).</translation>
    </message>
    <message>
        <source>%1 expects %2 on port %3, but it listens on %4.</source>
        <translation>%1 erwartet %2 auf Port %3, aber es lauscht auf %4.</translation>
    </message>
    <message>
        <source>%1 on %2: new in %3 (port %4).</source>
        <translation>%1 auf %2: neu in %3 (Port %4).</translation>
    </message>
    <message>
        <source>%1 on %2: port %3 → %4 (%5).</source>
        <translation>%1 auf %2: Port %3 → %4 (%5).</translation>
    </message>
    <message>
        <source>in no source now</source>
        <translation>jetzt in keiner Quelle</translation>
    </message>
    <message>
        <source>%1 on %2: no longer in its source.</source>
        <translation>%1 auf %2: nicht mehr in seiner Quelle.</translation>
    </message>
    <message>
        <source>The env file contains binary data (a NUL byte), not text.</source>
        <translation>Die env-Datei enthält Binärdaten (ein NUL-Byte), keinen Text.</translation>
    </message>
    <message>
        <source>The document contains binary data (a NUL byte), not Markdown.</source>
        <translation>Das Dokument enthält Binärdaten (ein NUL-Byte), kein Markdown.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>Der Ordner %1 kann nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>Portolan::Locator</name>
    <message>
        <source>Locator</source>
        <translation>Schnellsuche</translation>
    </message>
    <message>
        <source>Go to service, port or host</source>
        <translation>Zu Dienst, Port oder Host springen</translation>
    </message>
    <message>
        <source>Service, port or host — Return jumps, Escape closes</source>
        <translation>Dienst, Port oder Host — Eingabe springt, Escape schließt</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>&amp;Go to:</source>
        <translation>&amp;Springen zu:</translation>
    </message>
    <message>
        <source>%1 — port %2 on %3</source>
        <translation>%1 — Port %2 auf %3</translation>
    </message>
    <message>
        <source>%1 — port %2</source>
        <translation>%1 — Port %2</translation>
    </message>
    <message>
        <source>%1 — on %2</source>
        <translation>%1 — auf %2</translation>
    </message>
    <message>
        <source>(runs on %1)</source>
        <translation>(läuft auf %1)</translation>
    </message>
    <message>
        <source>%1 — host</source>
        <translation>%1 — Host</translation>
    </message>
</context>
<context>
    <name>Portolan::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>Zu&amp;rücksetzen</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <source>Export Grid as &amp;PNG…</source>
        <translation>Raster als &amp;PNG exportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Wieder&amp;holen</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Alles aus&amp;wählen</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Next &amp;Free Port</source>
        <translation>Nächster &amp;freier Port</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>&amp;Rule Settings…</source>
        <translation>&amp;Regeleinstellungen…</translation>
    </message>
    <message>
        <source>&amp;Autosave Interval…</source>
        <translation>Intervall für automatisches &amp;Speichern…</translation>
    </message>
    <message>
        <source>&amp;What-If Drafting</source>
        <translation>&amp;Was-wäre-wenn-Entwürfe</translation>
    </message>
    <message>
        <source>Edit drafts on a copy; the document changes only when a draft is applied</source>
        <translation>Entwürfe auf einer Kopie bearbeiten; das Dokument ändert sich erst, wenn ein Entwurf angewendet wird</translation>
    </message>
    <message>
        <source>Reality &amp;Check…</source>
        <translation>Realitäts&amp;abgleich…</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>Ranges</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Undo History</source>
        <translation>Bearbeitungsverlauf</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;geöffnet&gt;</translation>
    </message>
    <message>
        <source>Undo history</source>
        <translation>Bearbeitungsverlauf</translation>
    </message>
    <message>
        <source>&amp;Services</source>
        <translation>Dien&amp;ste</translation>
    </message>
    <message>
        <source>Range &amp;Grid</source>
        <translation>Bereichs&amp;raster</translation>
    </message>
    <message>
        <source>Moves</source>
        <translation>Verschiebungen</translation>
    </message>
    <message>
        <source>What-if drafting: edits are drafts until applied from the Moves panel</source>
        <translation>Was-wäre-wenn-Modus: Bearbeitungen sind Entwürfe, bis sie im Panel „Verschiebungen“ angewendet werden</translation>
    </message>
    <message>
        <source>Comparing with %1</source>
        <translation>Vergleich mit %1</translation>
    </message>
    <message>
        <source>Compare with Schema</source>
        <translation>Mit Schema vergleichen</translation>
    </message>
    <message>
        <source>Portolan schema (*.portolan.json *.json);;All files (*)</source>
        <translation>Portolan-Schema (*.portolan.json *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot compare</source>
        <translation>Vergleich nicht möglich</translation>
    </message>
    <message>
        <source>Portolan could not read %1:
%2</source>
        <translation>Portolan konnte %1 nicht lesen:
%2</translation>
    </message>
    <message>
        <source>Export Review Report</source>
        <translation>Prüfbericht exportieren</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>%1[*] — Portolan</source>
        <translation>%1[*] — Portolan</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n Dienst</numerusform>
            <numerusform>%n Dienste</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation>
            <numerusform>%n Host</numerusform>
            <numerusform>%n Hosts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n range(s)</source>
        <translation>
            <numerusform>%n Bereich</numerusform>
            <numerusform>%n Bereiche</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n info(s)</source>
        <translation>
            <numerusform>%n Hinweis</numerusform>
            <numerusform>%n Hinweise</numerusform>
        </translation>
    </message>
    <message>
        <source>Reality check cancelled</source>
        <translation>Realitätsabgleich abgebrochen</translation>
    </message>
    <message numerus="yes">
        <source>Reality check: %n listening</source>
        <translation>
            <numerusform>Realitätsabgleich: %n lauscht</numerusform>
            <numerusform>Realitätsabgleich: %n lauschen</numerusform>
        </translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Open Schema</source>
        <translation>Schema öffnen</translation>
    </message>
    <message>
        <source>Cannot open file</source>
        <translation>Datei kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Save Schema</source>
        <translation>Schema speichern</translation>
    </message>
    <message>
        <source>Portolan schema (*.portolan.json)</source>
        <translation>Portolan-Schema (*.portolan.json)</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>Datei auf der Festplatte geändert</translation>
    </message>
    <message>
        <source>%1 was changed on disk since Portolan read it. Overwrite those changes with yours?</source>
        <translation>%1 wurde auf der Festplatte geändert, seit Portolan die Datei gelesen hat. Diese Änderungen mit Ihren überschreiben?</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n unsaved edit(s). Save them before closing?</source>
        <translation>
            <numerusform>%1 hat %n ungespeicherte Änderung. Vor dem Schließen speichern?</numerusform>
            <numerusform>%1 hat %n ungespeicherte Änderungen. Vor dem Schließen speichern?</numerusform>
        </translation>
    </message>
    <message>
        <source>Lost if not saved:</source>
        <translation>Verloren, wenn nicht gespeichert:</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Discard every change since %1 was last saved?</source>
        <translation>Alle Änderungen seit dem letzten Speichern von %1 verwerfen?</translation>
    </message>
    <message>
        <source>Cannot revert</source>
        <translation>Zurücksetzen nicht möglich</translation>
    </message>
    <message>
        <source>%1 was removed or renamed on disk; saving writes it again.</source>
        <translation>%1 wurde auf der Festplatte entfernt oder umbenannt; beim Speichern wird die Datei neu geschrieben.</translation>
    </message>
    <message>
        <source>%1 was changed on disk by another program.

Reload it and lose your unsaved changes?</source>
        <translation>%1 wurde von einem anderen Programm auf der Festplatte geändert.

Neu laden und die ungespeicherten Änderungen verlieren?</translation>
    </message>
    <message>
        <source>%1 was changed on disk by another program.

Reload it?</source>
        <translation>%1 wurde von einem anderen Programm auf der Festplatte geändert.

Neu laden?</translation>
    </message>
    <message>
        <source>Cannot reload</source>
        <translation>Neu laden nicht möglich</translation>
    </message>
    <message>
        <source>an untitled schema</source>
        <translation>ein unbenanntes Schema</translation>
    </message>
    <message>
        <source>Recover unsaved changes</source>
        <translation>Ungespeicherte Änderungen wiederherstellen</translation>
    </message>
    <message>
        <source>Portolan did not shut down cleanly. Unsaved changes to %1 were kept on %2.

Restore them?</source>
        <translation>Portolan wurde nicht ordnungsgemäß beendet. Ungespeicherte Änderungen an %1 wurden in %2 aufbewahrt.

Wiederherstellen?</translation>
    </message>
    <message>
        <source>Cannot recover</source>
        <translation>Wiederherstellen nicht möglich</translation>
    </message>
    <message>
        <source>Recovered unsaved changes to %1.</source>
        <translation>Ungespeicherte Änderungen an %1 wiederhergestellt.</translation>
    </message>
    <message>
        <source>Autosave</source>
        <translation>Automatisch speichern</translation>
    </message>
    <message>
        <source>Keep unsaved changes in a recovery file every (seconds):</source>
        <translation>Ungespeicherte Änderungen in einer Wiederherstellungsdatei sichern, alle (Sekunden):</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Which host does %1 describe?</source>
        <translation>Welchen Host beschreibt %1?</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>%1 files describe one host. Add the host first (Hosts dock).</source>
        <translation>%1-Dateien beschreiben einen Host. Legen Sie zuerst den Host an (Leiste „Hosts“).</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <source>Portolan could not import %1:
%2</source>
        <translation>Portolan konnte %1 nicht importieren:
%2</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Import %1 into %2</source>
        <translation>%1 in %2 importieren</translation>
    </message>
    <message>
        <source>Import summary</source>
        <translation>Import-Zusammenfassung</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) and note(s); Edit &gt; Undo takes the import back.</source>
        <translation>
            <numerusform>%n Änderung oder Notiz; Bearbeiten &gt; Rückgängig nimmt den Import zurück.</numerusform>
            <numerusform>%n Änderungen und Notizen; Bearbeiten &gt; Rückgängig nimmt den Import zurück.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n service(s).</source>
        <translation>
            <numerusform>%n Dienst kopiert.</numerusform>
            <numerusform>%n Dienste kopiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The clipboard holds no services.</source>
        <translation>Die Zwischenablage enthält keine Dienste.</translation>
    </message>
    <message numerus="yes">
        <source>Paste %n service(s)</source>
        <translation>
            <numerusform>%n Dienst einfügen</numerusform>
            <numerusform>%n Dienste einfügen</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Add Host…</source>
        <translation>Host hin&amp;zufügen…</translation>
    </message>
    <message>
        <source>Change &amp;Id…</source>
        <translation>&amp;ID ändern…</translation>
    </message>
    <message>
        <source>Reservations</source>
        <translation>Reservierungen</translation>
    </message>
    <message>
        <source>Add &amp;Range…</source>
        <translation>Bereich hinzu&amp;fügen…</translation>
    </message>
    <message>
        <source>Remove Reservation</source>
        <translation>Reservierung entfernen</translation>
    </message>
    <message>
        <source>Reservations (slots kept free):</source>
        <translation>Reservierungen (frei gehaltene Plätze):</translation>
    </message>
    <message>
        <source>Add Host</source>
        <translation>Host hinzufügen</translation>
    </message>
    <message>
        <source>Host name:</source>
        <translation>Hostname:</translation>
    </message>
    <message>
        <source>&amp;Move them to:</source>
        <translation>&amp;Verschieben nach:</translation>
    </message>
    <message>
        <source>&amp;Leave them unassigned</source>
        <translation>&amp;Nicht zuordnen</translation>
    </message>
    <message>
        <source>Select the host to remove first.</source>
        <translation>Wählen Sie zuerst den zu entfernenden Host aus.</translation>
    </message>
    <message>
        <source>Remove Host</source>
        <translation>Host entfernen</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s) run on or are planned for %1. What should happen to them?</source>
        <translation>
            <numerusform>%n Dienst läuft auf %1 oder ist dafür geplant. Was soll mit ihm geschehen?</numerusform>
            <numerusform>%n Dienste laufen auf %1 oder sind dafür geplant. Was soll mit ihnen geschehen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the host first.</source>
        <translation>Wählen Sie zuerst den Host aus.</translation>
    </message>
    <message>
        <source>Change Host Id</source>
        <translation>Host-ID ändern</translation>
    </message>
    <message>
        <source>New id (lower case, digits and dashes):</source>
        <translation>Neue ID (Kleinbuchstaben, Ziffern und Bindestriche):</translation>
    </message>
    <message>
        <source>Another host already has the id &quot;%1&quot;.</source>
        <translation>Ein anderer Host hat bereits die ID „%1“.</translation>
    </message>
    <message>
        <source>&amp;First port:</source>
        <translation>&amp;Erster Port:</translation>
    </message>
    <message>
        <source>&amp;Last port:</source>
        <translation>&amp;Letzter Port:</translation>
    </message>
    <message>
        <source>Ports run from 1 to 65535, and the first is not after the last.</source>
        <translation>Ports reichen von 1 bis 65535, und der erste liegt nicht nach dem letzten.</translation>
    </message>
    <message>
        <source>Add Range</source>
        <translation>Bereich hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>Range %1-%2</source>
        <translation>Bereich %1-%2</translation>
    </message>
    <message>
        <source>Select the range to remove first.</source>
        <translation>Wählen Sie zuerst den zu entfernenden Bereich aus.</translation>
    </message>
    <message>
        <source>Remove Range</source>
        <translation>Bereich entfernen</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s) are listed under %1 %2. Moving them keeps their ports; left unassigned, their range follows from their port.</source>
        <translation>
            <numerusform>%n Dienst steht unter %1 %2. Beim Verschieben behält er seinen Port; ohne Zuordnung ergibt sich sein Bereich aus dem Port.</numerusform>
            <numerusform>%n Dienste stehen unter %1 %2. Beim Verschieben behalten sie ihre Ports; ohne Zuordnung ergibt sich ihr Bereich aus dem Port.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the range to reserve ports in first.</source>
        <translation>Wählen Sie zuerst den Bereich aus, in dem Ports reserviert werden sollen.</translation>
    </message>
    <message>
        <source>Reserve Ports in %1</source>
        <translation>Ports in %1 reservieren</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>Add Reservation</source>
        <translation>Reservierung hinzufügen</translation>
    </message>
    <message>
        <source>%1-%2 is not inside the range %3.</source>
        <translation>%1-%2 liegt nicht im Bereich %3.</translation>
    </message>
    <message>
        <source>Reserve %1</source>
        <translation>%1 reservieren</translation>
    </message>
    <message>
        <source>Select the reservation to remove first.</source>
        <translation>Wählen Sie zuerst die zu entfernende Reservierung aus.</translation>
    </message>
    <message>
        <source>Remove reservation %1</source>
        <translation>Reservierung %1 entfernen</translation>
    </message>
    <message>
        <source>&amp;New Service…</source>
        <translation>Neuer &amp;Dienst…</translation>
    </message>
    <message>
        <source>What-if drafts</source>
        <translation>Was-wäre-wenn-Entwürfe</translation>
    </message>
    <message>
        <source>Your what-if drafts have not been applied. Drop them?</source>
        <translation>Ihre Was-wäre-wenn-Entwürfe wurden nicht übernommen. Verwerfen?</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System Default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The language changes the next time Portolan starts.</source>
        <translation>Die Sprache wechselt beim nächsten Start von Portolan.</translation>
    </message>
    <message>
        <source>&amp;Services (what-if)</source>
        <translation>&amp;Dienste (Was-wäre-wenn)</translation>
    </message>
    <message>
        <source>Range &amp;Grid (what-if)</source>
        <translation>Bereichs&amp;raster (Was-wäre-wenn)</translation>
    </message>
    <message>
        <source>&amp;Edit Cell</source>
        <translation>Zelle &amp;bearbeiten</translation>
    </message>
    <message>
        <source>Show in Range &amp;Grid</source>
        <translation>Im Bereichs&amp;raster zeigen</translation>
    </message>
    <message>
        <source>No findings.</source>
        <translation>Keine Befunde.</translation>
    </message>
    <message>
        <source>Leave What-If Drafting</source>
        <translation>Was-wäre-wenn-Entwürfe verlassen</translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) have not been applied. Leaving drops them; the document stays as it is.</source>
        <translation>
            <numerusform>%n Entwurf wurde nicht angewendet. Beim Verlassen wird er verworfen; das Dokument bleibt, wie es ist.</numerusform>
            <numerusform>%n Entwürfe wurden nicht angewendet. Beim Verlassen werden sie verworfen; das Dokument bleibt, wie es ist.</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply a draft first with Execute in the Moves panel to keep it.</source>
        <translation>Um einen Entwurf zu behalten, wenden Sie ihn zuerst mit „Ausführen“ im Panel „Verschiebungen“ an.</translation>
    </message>
    <message>
        <source>&amp;Drop Drafts</source>
        <translation>Entwürfe &amp;verwerfen</translation>
    </message>
    <message>
        <source>Export Grid as SV&amp;G…</source>
        <translation>Raster als SV&amp;G exportieren…</translation>
    </message>
    <message>
        <source>Co&amp;mpare…</source>
        <translation>Ver&amp;gleichen…</translation>
    </message>
    <message>
        <source>Export Review Repor&amp;t…</source>
        <translation>Prüfbericht expor&amp;tieren…</translation>
    </message>
    <message>
        <source>Duplicat&amp;e</source>
        <translation>Dupli&amp;zieren</translation>
    </message>
    <message>
        <source>Ne&amp;xt Finding</source>
        <translation>Nä&amp;chster Befund</translation>
    </message>
    <message>
        <source>Pre&amp;vious Finding</source>
        <translation>&amp;Vorheriger Befund</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Portolan cannot tell which kind of file %1 is. Choose its type in the file dialog&apos;s filter.</source>
        <translation>Portolan kann nicht erkennen, welche Art Datei %1 ist. Wählen Sie ihren Typ im Filter des Dateidialogs.</translation>
    </message>
    <message>
        <source>Nothing to import</source>
        <translation>Nichts zu importieren</translation>
    </message>
    <message>
        <source>%1 holds no services, hosts or ranges that Portolan can read as %2. The open schema stays as it is.</source>
        <translation>%1 enthält keine Dienste, Hosts oder Bereiche, die Portolan als %2 lesen kann. Das geöffnete Schema bleibt, wie es ist.</translation>
    </message>
    <message>
        <source>Import as a new schema</source>
        <translation>Als neues Schema importieren</translation>
    </message>
    <message numerus="yes">
        <source>%1 becomes a new, untitled schema with %n service(s), replacing %2 in this window.</source>
        <translation>
            <numerusform>%1 wird ein neues, unbenanntes Schema mit %n Dienst und ersetzt %2 in diesem Fenster.</numerusform>
            <numerusform>%1 wird ein neues, unbenanntes Schema mit %n Diensten und ersetzt %2 in diesem Fenster.</numerusform>
        </translation>
    </message>
    <message>
        <source>You are asked about the unsaved changes next.</source>
        <translation>Zu den ungespeicherten Änderungen werden Sie danach gefragt.</translation>
    </message>
    <message>
        <source>%1 stays on disk as it is.</source>
        <translation>%1 bleibt auf der Festplatte, wie es ist.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Imported %1 as a new schema (%2).</source>
        <translation>%1 als neues Schema importiert (%2).</translation>
    </message>
    <message>
        <source>Re&amp;move Host…</source>
        <translation>Host ent&amp;fernen…</translation>
    </message>
    <message>
        <source>Remove Ra&amp;nge…</source>
        <translation>Bereich entfer&amp;nen…</translation>
    </message>
    <message>
        <source>Add Reservati&amp;on…</source>
        <translation>Reservierung hinzufügen…</translation>
    </message>
    <message>
        <source>%1 (built-in sample)</source>
        <translation>%1 (eingebautes Beispiel)</translation>
    </message>
    <message>
        <source>Port Schema</source>
        <translation>Portschema</translation>
    </message>
    <message>
        <source>&amp;Go to Service, Port or Host…</source>
        <translation>Zu Dienst, Port oder Host &amp;gehen…</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <source>Reality re-read from the linked sources: %1</source>
        <translation>Realität aus den verknüpften Quellen neu gelesen: %1</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>&amp;Link Source…</source>
        <translation>Quelle &amp;verknüpfen …</translation>
    </message>
    <message>
        <source>Re&amp;fresh Reality</source>
        <translation>Realität neu &amp;lesen</translation>
    </message>
    <message numerus="yes">
        <source>Read %n linked source(s) in %1 ms.</source>
        <translation>
            <numerusform>%n verknüpfte Quelle in %1 ms gelesen.</numerusform>
            <numerusform>%n verknüpfte Quellen in %1 ms gelesen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep linked sources&apos; paths</source>
        <translation>Pfade der verknüpften Quellen beibehalten</translation>
    </message>
    <message>
        <source>Choose the host %1 belongs to.</source>
        <translation>Den Host wählen, zu dem %1 gehört.</translation>
    </message>
    <message>
        <source>Linked %1 to host %2 as a source; it is read again when it changes.</source>
        <translation>%1 als Quelle mit Host %2 verknüpft; sie wird neu gelesen, wenn sie sich ändert.</translation>
    </message>
    <message>
        <source>Left %1 as it is: edited since the moves were carried out</source>
        <translation>%1 unverändert gelassen: seit dem Umsetzen der Verschiebungen bearbeitet</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop opening the file; the document stays as it is (Esc)</source>
        <translation>Das Öffnen der Datei abbrechen; das Dokument bleibt, wie es ist (Esc)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>Opening %1 cancelled; the document is as it was.</source>
        <translation>Öffnen von %1 abgebrochen; das Dokument ist wie zuvor.</translation>
    </message>
    <message>
        <source>Saving %1 cancelled; the file on disk is as it was.</source>
        <translation>Speichern von %1 abgebrochen; die Datei auf der Festplatte ist unverändert.</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>%1 wird gespeichert…</translation>
    </message>
    <message>
        <source>Stop saving; the file on disk stays as it was (Esc)</source>
        <translation>Speichern abbrechen; die Datei auf der Festplatte bleibt unverändert (Esc)</translation>
    </message>
    <message>
        <source>The save did not finish.</source>
        <translation>Das Speichern wurde nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>Saved %1; %2</source>
        <translation>%1 gespeichert; %2</translation>
    </message>
    <message>
        <source>Linked files not copied</source>
        <translation>Verknüpfte Dateien nicht kopiert</translation>
    </message>
    <message>
        <source>The linked files could not be copied beside the plan, so the saved plan will not find them: %1</source>
        <translation>Die verknüpften Dateien konnten nicht neben den Plan kopiert werden, daher findet der gespeicherte Plan sie nicht: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n linked file(s) copied beside it</source>
        <translation>
            <numerusform>%n verknüpfte Datei daneben kopiert</numerusform>
            <numerusform>%n verknüpfte Dateien daneben kopiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n linked file(s) copied into %1</source>
        <translation>
            <numerusform>%n verknüpfte Datei nach %1 kopiert</numerusform>
            <numerusform>%n verknüpfte Dateien nach %1 kopiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::MarkdownFormat</name>
    <message>
        <source>Markdown port schema</source>
        <translation>Markdown-Portschema</translation>
    </message>
    <message>
        <source>Markdown port schema (*.md *.markdown)</source>
        <translation>Markdown-Portschema (*.md *.markdown)</translation>
    </message>
    <message>
        <source>1. Pick the next free port in the appropriate range
2. Update this document
3. Update the host&apos;s `docker-compose` file
4. Update the Prometheus scrape targets if the service exposes metrics</source>
        <translatorcomment>Document text, not UI: the Markdown importer compares the checklist with this text to recognise the default checklist, and exported files must read back in any UI language. Keep it identical to the source.</translatorcomment>
        <translation>1. Pick the next free port in the appropriate range
2. Update this document
3. Update the host&apos;s `docker-compose` file
4. Update the Prometheus scrape targets if the service exposes metrics</translation>
    </message>
    <message>
        <source>The file contains binary data (a NUL byte); a Markdown file is text.</source>
        <translation>Die Datei enthält Binärdaten (ein NUL-Byte); eine Markdown-Datei ist Text.</translation>
    </message>
    <message>
        <source>The line is not valid UTF-8 text.</source>
        <translation>Die Zeile ist kein gültiger UTF-8-Text.</translation>
    </message>
    <message>
        <source>The host heading has no name.</source>
        <translation>Die Host-Überschrift hat keinen Namen.</translation>
    </message>
    <message>
        <source>The service &quot;%1&quot; has no port; write it as name `port`, e.g. mana-auth `3001`.</source>
        <translation>Der Dienst „%1“ hat keinen Port; schreiben Sie ihn als Name `Port`, z. B. mana-auth `3001`.</translation>
    </message>
    <message>
        <source>The port %1 has no service name before it.</source>
        <translation>Vor dem Port %1 steht kein Dienstname.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port number (1-65535).</source>
        <translation>„%1“ ist keine Portnummer (1-65535).</translation>
    </message>
    <message>
        <source>The parenthesis is not closed.</source>
        <translation>Die Klammer ist nicht geschlossen.</translation>
    </message>
    <message>
        <source>Unexpected text after the port of %1: &quot;%2&quot;; separate services with commas.</source>
        <translation>Unerwarteter Text nach dem Port von %1: „%2“; trennen Sie Dienste durch Kommas.</translation>
    </message>
    <message>
        <source>The list item names no service.</source>
        <translation>Der Listeneintrag nennt keinen Dienst.</translation>
    </message>
    <message>
        <source>A service name is missing in the list.</source>
        <translation>In der Liste fehlt ein Dienstname.</translation>
    </message>
    <message>
        <source>Unexpected text &quot;%1&quot;; separate services with commas.</source>
        <translation>Unerwarteter Text „%1“; trennen Sie Dienste durch Kommas.</translation>
    </message>
    <message>
        <source>The section &quot;%1&quot; is written from the analyzer on export; it was not imported.</source>
        <translation>Der Abschnitt „%1“ wird beim Export aus der Analyse erzeugt; er wurde nicht importiert.</translation>
    </message>
    <message>
        <source>A range&apos;s table needs the columns Port and Service.</source>
        <translation>Die Tabelle eines Bereichs braucht die Spalten „Port“ und „Service“.</translation>
    </message>
    <message>
        <source>The column &quot;%1&quot; is not one Portolan knows; its cells are kept in the services&apos; notes.</source>
        <translation>Die Spalte „%1“ kennt Portolan nicht; ihre Zellen werden in den Notizen der Dienste behalten.</translation>
    </message>
    <message>
        <source>The row has %1 cells, the table&apos;s header %2; the missing cells are read as empty.</source>
        <translation>Die Zeile hat %1 Zellen, die Kopfzeile der Tabelle %2; die fehlenden Zellen werden als leer gelesen.</translation>
    </message>
    <message>
        <source>The row has %1 cells, the table&apos;s header %2; the extra cells are kept in the notes.</source>
        <translation>Die Zeile hat %1 Zellen, die Kopfzeile der Tabelle %2; die überzähligen Zellen werden in den Notizen behalten.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port or a span of ports such as 3006-3009.</source>
        <translation>„%1“ ist kein Port und keine Portspanne wie 3006-3009.</translation>
    </message>
    <message>
        <source>The row has no service name.</source>
        <translation>Die Zeile hat keinen Dienstnamen.</translation>
    </message>
    <message>
        <source>%1 runs on %2 here but on %3 in its table; the table wins.</source>
        <translation>%1 läuft hier auf %2, in seiner Tabelle aber auf %3; die Tabelle hat Vorrang.</translation>
    </message>
    <message>
        <source>%1 is listed with a real port and as not running; read as not running.</source>
        <translation>%1 steht mit einem Ist-Port und als nicht laufend in der Liste; gelesen als nicht laufend.</translation>
    </message>
    <message>
        <source>%1 is said to be at %2, but its table plans it at %3.</source>
        <translation>%1 soll auf %2 liegen, aber seine Tabelle plant ihn auf %3.</translation>
    </message>
    <message>
        <source>No service is called &quot;%1&quot;; the cell is kept as %2&apos;s description.</source>
        <translation>Kein Dienst heißt „%1“; die Zelle wird als Beschreibung von %2 behalten.</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Keine Probleme gefunden.</translation>
    </message>
    <message>
        <source>- **%1** (%2): %3</source>
        <translation>- **%1** (%2): %3</translation>
    </message>
    <message>
        <source>The file is empty; a Markdown port schema has at least a heading, a table or a list.</source>
        <translation>Die Datei ist leer; ein Markdown-Portschema hat mindestens eine Überschrift, eine Tabelle oder eine Liste.</translation>
    </message>
    <message>
        <source>The file has no Markdown heading, table or list; it does not look like a port schema (is it another format, such as a compose file?).</source>
        <translation>Die Datei hat keine Markdown-Überschrift, Tabelle oder Liste; sie sieht nicht wie ein Portschema aus (ist sie in einem anderen Format, etwa eine Compose-Datei?).</translation>
    </message>
    <message>
        <source>%1 Read as general port documentation instead.</source>
        <translation>%1 Stattdessen als allgemeine Portdokumentation gelesen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port (1-65535); the row is kept without it.</source>
        <translation>„%1“ ist kein Port (1-65535); die Zeile bleibt ohne ihn erhalten.</translation>
    </message>
    <message>
        <source>ports %1-%2</source>
        <translation>Ports %1-%2</translation>
    </message>
    <message>
        <source>The heading&apos;s range %1 is not made of port numbers (1-65535); read as a plain heading.</source>
        <translation>Der Bereich %1 der Überschrift besteht nicht aus Portnummern (1-65535); als gewöhnliche Überschrift gelesen.</translation>
    </message>
    <message>
        <source>The heading&apos;s range %1 ends before it starts; read as a plain heading.</source>
        <translation>Der Bereich %1 der Überschrift endet, bevor er beginnt; als gewöhnliche Überschrift gelesen.</translation>
    </message>
    <message>
        <source>The table at %1:%2 has no port column; skipped.</source>
        <translation>Die Tabelle bei %1:%2 hat keine Port-Spalte; übersprungen.</translation>
    </message>
    <message>
        <source>The table at %1:%2 has no service column; skipped.</source>
        <translation>Die Tabelle bei %1:%2 hat keine Dienst-Spalte; übersprungen.</translation>
    </message>
    <message>
        <source>The table at %1:%2 has no rows.</source>
        <translation>Die Tabelle bei %1:%2 hat keine Zeilen.</translation>
    </message>
    <message>
        <source>The row has no service name; skipped.</source>
        <translation>Die Zeile hat keinen Dienstnamen; übersprungen.</translation>
    </message>
    <message>
        <source>The list item &quot;%1&quot; names no service and port; skipped.</source>
        <translation>Der Listeneintrag „%1“ nennt keinen Dienst mit Port; übersprungen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port (1-65535); the item is kept without it.</source>
        <translation>„%1“ ist kein Port (1-65535); der Eintrag bleibt ohne ihn erhalten.</translation>
    </message>
    <message numerus="yes">
        <source>Summary: %n service(s) read; tables read: %1, lists read: %2, parts skipped: %3.</source>
        <translation>
            <numerusform>Zusammenfassung: %n Dienst gelesen; gelesene Tabellen: %1, gelesene Listen: %2, übersprungene Teile: %3.</numerusform>
            <numerusform>Zusammenfassung: %n Dienste gelesen; gelesene Tabellen: %1, gelesene Listen: %2, übersprungene Teile: %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>The table at %1:%2 lists ports without the columns Port and Service of this layout; it was kept as notes, not read as services.</source>
        <translation>Die Tabelle bei %1:%2 nennt Ports, aber ohne die Spalten Port und Service dieses Layouts; sie wurde als Notiz behalten, nicht als Dienste gelesen.</translation>
    </message>
    <message>
        <source>The range %1 is not made of port numbers (1-65535); the section is read without a range.</source>
        <translation>Der Bereich %1 besteht nicht aus Portnummern (1-65535); der Abschnitt wird ohne Bereich gelesen.</translation>
    </message>
    <message>
        <source>The range starts at %1 but ends before it, at %2; the section is read without a range.</source>
        <translation>Der Bereich beginnt bei %1, endet aber schon davor, bei %2; der Abschnitt wird ohne Bereich gelesen.</translation>
    </message>
    <message>
        <source>The file looks like YAML (such as a compose file), not a Markdown port schema.</source>
        <translation>Die Datei sieht wie YAML aus (etwa eine Compose-Datei), nicht wie ein Markdown-Portschema.</translation>
    </message>
    <message>
        <source>Nothing in the file reads as a port schema: no table with a Port column, no list of services with ports (such as &quot;- api (3000)&quot;), no hosts or ranges.</source>
        <translation>Nichts in der Datei liest sich als Port-Schema: keine Tabelle mit einer Port-Spalte, keine Liste von Diensten mit Ports (etwa „- api (3000)“), keine Hosts oder Bereiche.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; on port %2 is listed again; read once.</source>
        <translation>„%1“ auf Port %2 ist erneut aufgeführt; einmal gelesen.</translation>
    </message>
    <message>
        <source>default port %1</source>
        <translation>Standard-Port %1</translation>
    </message>
    <message>
        <source>The section &quot;%1&quot; lists ids, not ports; its list was skipped.</source>
        <translation>Der Abschnitt „%1“ listet IDs, keine Ports; seine Liste wurde übersprungen.</translation>
    </message>
    <message>
        <source>%1 The table is kept in the section&apos;s text, not read as services.</source>
        <translation>%1 Die Tabelle bleibt im Text des Abschnitts und wird nicht als Dienste gelesen.</translation>
    </message>
</context>
<context>
    <name>Portolan::MoveActionsDelegate</name>
    <message>
        <source>Execute</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Execute move of %1</source>
        <translation>Verschiebung von %1 ausführen</translation>
    </message>
    <message>
        <source>Accept reality for %1</source>
        <translation>Realität für %1 übernehmen</translation>
    </message>
    <message>
        <source>Reject change of %1</source>
        <translation>Änderung von %1 verwerfen</translation>
    </message>
    <message>
        <source>Actions for %1</source>
        <translation>Aktionen für %1</translation>
    </message>
</context>
<context>
    <name>Portolan::MoveReport</name>
    <message>
        <source>…</source>
        <comment>impact not computed yet</comment>
        <translation>…</translation>
    </message>
    <message numerus="yes">
        <source>✓ resolves %n</source>
        <translation>
            <numerusform>✓ behebt %n</numerusform>
            <numerusform>✓ behebt %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✗ introduces %n</source>
        <translation>
            <numerusform>✗ verursacht %n</numerusform>
            <numerusform>✗ verursacht %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reference(s)</source>
        <translation>
            <numerusform>%n Verweis</numerusform>
            <numerusform>%n Verweise</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scrape target(s)</source>
        <translation>
            <numerusform>%n Scrape-Ziel</numerusform>
            <numerusform>%n Scrape-Ziele</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n export(s) differ</source>
        <translation>
            <numerusform>%n Export weicht ab</numerusform>
            <numerusform>%n Exporte weichen ab</numerusform>
        </translation>
    </message>
    <message>
        <source>(no file)</source>
        <translation>(keine Datei)</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>[swap with %1]</source>
        <translation>[Tausch mit %1]</translation>
    </message>
    <message numerus="yes">
        <source>%n move(s)</source>
        <translation>
            <numerusform>%n Verschiebung</numerusform>
            <numerusform>%n Verschiebungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other change(s)</source>
        <translation>
            <numerusform>%n weitere Änderung</numerusform>
            <numerusform>%n weitere Änderungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>findings: %n resolved</source>
        <translation>
            <numerusform>Befunde: %n behoben</numerusform>
            <numerusform>Befunde: %n behoben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n introduced</source>
        <translation>
            <numerusform>%n neu</numerusform>
            <numerusform>%n neu</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2: %3</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>Verweis</translation>
    </message>
    <message>
        <source>scrape target %1 → %2 (job %3; the series&apos; instance label changes)</source>
        <translation>Scrape-Ziel %1 → %2 (Job %3; das instance-Label der Reihen ändert sich)</translation>
    </message>
    <message numerus="yes">
        <source>export %1 differs by %n line(s)</source>
        <translation>
            <numerusform>Export %1 weicht um %n Zeile ab</numerusform>
            <numerusform>Export %1 weicht um %n Zeilen ab</numerusform>
        </translation>
    </message>
    <message>
        <source>resolves %1 — %2</source>
        <translation>behebt %1 — %2</translation>
    </message>
    <message>
        <source>introduces %1 — %2</source>
        <translation>verursacht %1 — %2</translation>
    </message>
    <message>
        <source>reference %1: %2 → %3</source>
        <translation>Verweis %1: %2 → %3</translation>
    </message>
    <message>
        <source>scrape target %1 → %2 (job %3); the `instance` label of its series changes</source>
        <translation>Scrape-Ziel %1 → %2 (Job %3); das `instance`-Label seiner Reihen ändert sich</translation>
    </message>
    <message numerus="yes">
        <source>%1 export differs by %n line(s)</source>
        <translation>
            <numerusform>%1-Export weicht um %n Zeile ab</numerusform>
            <numerusform>%1-Export weicht um %n Zeilen ab</numerusform>
        </translation>
    </message>
    <message>
        <source>Port schema changes: %1 → %2</source>
        <translation>Änderungen am Portschema: %1 → %2</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>Keine Unterschiede.</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Auswirkung</translation>
    </message>
    <message>
        <source>(swap with %1)</source>
        <translation>(Tausch mit %1)</translation>
    </message>
    <message>
        <source>executed</source>
        <translation>ausgeführt</translation>
    </message>
    <message>
        <source>reality accepted</source>
        <translation>Realität übernommen</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <source>%1: publish %2 instead of %3 for %4</source>
        <translation>%1: %2 statt %3 für %4 veröffentlichen</translation>
    </message>
    <message>
        <source>%1: target %2 → %3 (the `instance` label changes)</source>
        <translation>%1: Ziel %2 → %3 (das `instance`-Label ändert sich)</translation>
    </message>
    <message>
        <source>Port move review: %1</source>
        <translation>Prüfung der Portverschiebungen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n move(s) decided</source>
        <translation>
            <numerusform>%n Verschiebung entschieden</numerusform>
            <numerusform>%n Verschiebungen entschieden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n offen</numerusform>
            <numerusform>%n offen</numerusform>
        </translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Entschieden</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Lines to change in the imported files</source>
        <translation>Zu ändernde Zeilen in den importierten Dateien</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Keine.</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Written to the linked files</source>
        <translation>In die verknüpften Dateien geschrieben</translation>
    </message>
    <message>
        <source>Changes that carry the pending moves out</source>
        <translation>Änderungen, die die offenen Verschiebungen umsetzen</translation>
    </message>
</context>
<context>
    <name>Portolan::MoveReview</name>
    <message>
        <source>No move of the selection can be carried out in the linked files.</source>
        <translation>Keine Verschiebung der Auswahl lässt sich in den verknüpften Dateien umsetzen.</translation>
    </message>
</context>
<context>
    <name>Portolan::Moves</name>
    <message numerus="yes">
        <source>Reject %n draft(s)</source>
        <translation>
            <numerusform>%n Entwurf verwerfen</numerusform>
            <numerusform>%n Entwürfe verwerfen</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <comment>no port</comment>
        <translation>keiner</translation>
    </message>
    <message>
        <source>%1 (was %2)</source>
        <translation>%1 (war %2)</translation>
    </message>
    <message>
        <source>Draft; was %1</source>
        <translation>Entwurf; war %1</translation>
    </message>
    <message>
        <source>New with the drafts:</source>
        <translation>Neu mit den Entwürfen:</translation>
    </message>
    <message>
        <source>no host</source>
        <translation>kein Host</translation>
    </message>
    <message>
        <source>drift</source>
        <translation>Abweichung</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>proposal</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <source>plan move</source>
        <translation>Planänderung</translation>
    </message>
    <message>
        <source>move</source>
        <translation>Verschiebung</translation>
    </message>
    <message>
        <source>service added</source>
        <translation>Dienst hinzugefügt</translation>
    </message>
    <message>
        <source>service removed</source>
        <translation>Dienst entfernt</translation>
    </message>
    <message>
        <source>service changed</source>
        <translation>Dienst geändert</translation>
    </message>
    <message>
        <source>host added</source>
        <translation>Host hinzugefügt</translation>
    </message>
    <message>
        <source>host removed</source>
        <translation>Host entfernt</translation>
    </message>
    <message>
        <source>host changed</source>
        <translation>Host geändert</translation>
    </message>
    <message>
        <source>range added</source>
        <translation>Bereich hinzugefügt</translation>
    </message>
    <message>
        <source>range removed</source>
        <translation>Bereich entfernt</translation>
    </message>
    <message>
        <source>range changed</source>
        <translation>Bereich geändert</translation>
    </message>
    <message>
        <source>reservations changed</source>
        <translation>Reservierungen geändert</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 %2 → %3 %4</source>
        <translation>%1 %2 → %3 %4</translation>
    </message>
    <message>
        <source>added on %1 at %2</source>
        <translation>auf %1 bei %2 hinzugefügt</translation>
    </message>
    <message>
        <source>removed from %1 at %2</source>
        <translation>von %1 bei %2 entfernt</translation>
    </message>
    <message>
        <source>changed: %1</source>
        <translation>geändert: %1</translation>
    </message>
    <message>
        <source>host added: %1</source>
        <translation>Host hinzugefügt: %1</translation>
    </message>
    <message>
        <source>host removed: %1</source>
        <translation>Host entfernt: %1</translation>
    </message>
    <message>
        <source>host changed: %1</source>
        <translation>Host geändert: %1</translation>
    </message>
    <message>
        <source>range added: %1 %2</source>
        <translation>Bereich hinzugefügt: %1 %2</translation>
    </message>
    <message>
        <source>range removed: %1</source>
        <translation>Bereich entfernt: %1</translation>
    </message>
    <message>
        <source>range changed: %1 %2</source>
        <translation>Bereich geändert: %1 %2</translation>
    </message>
    <message>
        <source>reservations: %1</source>
        <translation>Reservierungen: %1</translation>
    </message>
    <message>
        <source>Reservations</source>
        <translation>Reservierungen</translation>
    </message>
    <message>
        <source>Accept reality for %1</source>
        <translation>Realität für %1 übernehmen</translation>
    </message>
    <message numerus="yes">
        <source>Accept reality for %n service(s)</source>
        <translation>
            <numerusform>Realität für %n Dienst übernehmen</numerusform>
            <numerusform>Realität für %n Dienste übernehmen</numerusform>
        </translation>
    </message>
    <message>
        <source>Move %1: %2</source>
        <translation>%1 verschieben: %2</translation>
    </message>
    <message numerus="yes">
        <source>Execute %n move(s)</source>
        <translation>
            <numerusform>%n Verschiebung ausführen</numerusform>
            <numerusform>%n Verschiebungen ausführen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Apply %n draft(s)</source>
        <translation>
            <numerusform>%n Entwurf anwenden</numerusform>
            <numerusform>%n Entwürfe anwenden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Adopt %n change(s)</source>
        <translation>
            <numerusform>%n Änderung übernehmen</numerusform>
            <numerusform>%n Änderungen übernehmen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::MovesModel</name>
    <message>
        <source>Resolves</source>
        <translation>Behebt</translation>
    </message>
    <message>
        <source>Introduces</source>
        <translation>Verursacht</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>(no file)</source>
        <translation>(keine Datei)</translation>
    </message>
    <message>
        <source>References to change</source>
        <translation>Zu ändernde Verweise</translation>
    </message>
    <message>
        <source>%1 → %2 (job %3)</source>
        <translation>%1 → %2 (Job %3)</translation>
    </message>
    <message>
        <source>Scrape targets</source>
        <translation>Scrape-Ziele</translation>
    </message>
    <message>
        <source>The instance label of these series changes.</source>
        <translation>Das instance-Label dieser Reihen ändert sich.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n line(s)</source>
        <translation>
            <numerusform>%1: %n Zeile</numerusform>
            <numerusform>%1: %n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>Exports that differ</source>
        <translation>Abweichende Exporte</translation>
    </message>
    <message>
        <source>No effect on findings, references or exports.</source>
        <translation>Keine Auswirkung auf Befunde, Verweise oder Exporte.</translation>
    </message>
    <message>
        <source>After %1, whose port this move takes</source>
        <translation>Nach %1, dessen Port diese Verschiebung übernimmt</translation>
    </message>
    <message>
        <source>⇄ swap with %1</source>
        <translation>⇄ Tausch mit %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>Vorher → nachher</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Auswirkung</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>…</source>
        <comment>impact not computed yet</comment>
        <translation>…</translation>
    </message>
    <message numerus="yes">
        <source>resolves %n</source>
        <translation>
            <numerusform>behebt %n</numerusform>
            <numerusform>behebt %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>introduces %n</source>
        <translation>
            <numerusform>verursacht %n</numerusform>
            <numerusform>verursacht %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reference(s)</source>
        <translation>
            <numerusform>%n Verweis</numerusform>
            <numerusform>%n Verweise</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scrape target(s)</source>
        <translation>
            <numerusform>%n Scrape-Ziel</numerusform>
            <numerusform>%n Scrape-Ziele</numerusform>
        </translation>
    </message>
    <message>
        <source>no new findings</source>
        <translation>keine neuen Befunde</translation>
    </message>
    <message>
        <source>Execute: %1 | Accept: %2</source>
        <translation>Ausführen: %1 | Übernehmen: %2</translation>
    </message>
    <message>
        <source>If executed (reality follows the plan):</source>
        <translation>Beim Ausführen (die Realität folgt dem Plan):</translation>
    </message>
    <message>
        <source>No effect on findings.</source>
        <translation>Keine Wirkung auf Befunde.</translation>
    </message>
    <message>
        <source>If reality is accepted (the plan follows):</source>
        <translation>Beim Übernehmen der Realität (der Plan folgt):</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no port</comment>
        <translation>keiner</translation>
    </message>
    <message>
        <source>runs on %1, planned %2</source>
        <translation>läuft auf %1, geplant %2</translation>
    </message>
    <message>
        <source>plan: %1 → %2</source>
        <translation>Plan: %1 → %2</translation>
    </message>
    <message>
        <source>reality: %1 → %2</source>
        <translation>Realität: %1 → %2</translation>
    </message>
</context>
<context>
    <name>Portolan::MovesView</name>
    <message>
        <source>&amp;Execute</source>
        <translation>A&amp;usführen</translation>
    </message>
    <message>
        <source>&amp;Accept Reality</source>
        <translation>Realität &amp;übernehmen</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Moves</source>
        <translation>Verschiebungen</translation>
    </message>
    <message>
        <source>Save the review as Markdown: decisions, impact and the lines to change</source>
        <translation>Die Prüfung als Markdown speichern: Entscheidungen, Auswirkungen und zu ändernde Zeilen</translation>
    </message>
    <message numerus="yes">
        <source>%n drift move(s)</source>
        <translation>
            <numerusform>%n Abweichung</numerusform>
            <numerusform>%n Abweichungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s)</source>
        <translation>
            <numerusform>%n Entwurf</numerusform>
            <numerusform>%n Entwürfe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n proposed change(s)</source>
        <translation>
            <numerusform>%n vorgeschlagene Änderung</numerusform>
            <numerusform>%n vorgeschlagene Änderungen</numerusform>
        </translation>
    </message>
    <message>
        <source>E&amp;xecute</source>
        <translation>Aus&amp;führen</translation>
    </message>
    <message>
        <source>Accept Realit&amp;y</source>
        <translation>Realität über&amp;nehmen</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>Ver&amp;werfen</translation>
    </message>
    <message>
        <source>Reality follows the plan (actual := planned); adopt a draft or a proposal (%1)</source>
        <translation>Die Realität folgt dem Plan (Ist := Plan); einen Entwurf oder Vorschlag übernehmen (%1)</translation>
    </message>
    <message>
        <source>The plan follows reality (planned := actual) (%1)</source>
        <translation>Der Plan folgt der Realität (Plan := Ist) (%1)</translation>
    </message>
    <message>
        <source>Drop a draft or dismiss a proposal (%1)</source>
        <translation>Einen Entwurf verwerfen oder einen Vorschlag ablehnen (%1)</translation>
    </message>
    <message>
        <source>Export Re&amp;port…</source>
        <translation>Bericht ex&amp;portieren…</translation>
    </message>
    <message>
        <source>Last decision</source>
        <translation>Letzte Entscheidung</translation>
    </message>
    <message>
        <source>Done: %1. Edit &gt; Undo takes it back.</source>
        <translation>Erledigt: %1. Bearbeiten &gt; Rückgängig nimmt es zurück.</translation>
    </message>
    <message numerus="yes">
        <source>Executed %n move(s). Edit &gt; Undo takes them back.</source>
        <translation>
            <numerusform>%n Verschiebung ausgeführt. Bearbeiten &gt; Rückgängig nimmt sie zurück.</numerusform>
            <numerusform>%n Verschiebungen ausgeführt. Bearbeiten &gt; Rückgängig nimmt sie zurück.</numerusform>
        </translation>
    </message>
    <message>
        <source>The plan of %1 now follows reality: planned %2 (was %3). Edit &gt; Undo takes it back.</source>
        <translation>Der Plan von %1 folgt jetzt der Realität: geplant %2 (vorher %3). Bearbeiten &gt; Rückgängig nimmt es zurück.</translation>
    </message>
    <message numerus="yes">
        <source>Accepted reality for %n service(s). Edit &gt; Undo takes it back.</source>
        <translation>
            <numerusform>Realität für %n Dienst übernommen. Bearbeiten &gt; Rückgängig nimmt es zurück.</numerusform>
            <numerusform>Realität für %n Dienste übernommen. Bearbeiten &gt; Rückgängig nimmt es zurück.</numerusform>
        </translation>
    </message>
    <message>
        <source>Dropped the draft of %1.</source>
        <translation>Entwurf von %1 verworfen.</translation>
    </message>
    <message>
        <source>Dismissed the proposed change of %1 for this review.</source>
        <translation>Vorgeschlagene Änderung von %1 für diese Prüfung abgelehnt.</translation>
    </message>
    <message numerus="yes">
        <source>Rejected %n change(s).</source>
        <translation>
            <numerusform>%n Änderung verworfen.</numerusform>
            <numerusform>%n Änderungen verworfen.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Show in Services</source>
        <translation>In &amp;Diensten zeigen</translation>
    </message>
    <message>
        <source>&amp;Carry Out in Files…</source>
        <translation>In Dateien &amp;umsetzen …</translation>
    </message>
    <message>
        <source>&amp;Carry Out…</source>
        <translation>&amp;Umsetzen …</translation>
    </message>
    <message>
        <source>Change the linked compose, Prometheus, tunnel and env files so that what runs follows these moves; shows the diff first (%1)</source>
        <translation>Die verknüpften Compose-, Prometheus-, Tunnel- und env-Dateien so ändern, dass der Betrieb diesen Verschiebungen folgt; zeigt zuerst die Unterschiede (%1)</translation>
    </message>
    <message>
        <source>Updating the moves</source>
        <translation>Verschiebungen werden aktualisiert</translation>
    </message>
    <message>
        <source>The moves and their impacts are being recomputed for the latest change</source>
        <translation>Die Verschiebungen und ihre Auswirkungen werden für die letzte Änderung neu berechnet</translation>
    </message>
    <message>
        <source>The moves are being updated after the last change; decide again in a moment.</source>
        <translation>Die Verschiebungen werden nach der letzten Änderung aktualisiert; entscheiden Sie gleich noch einmal.</translation>
    </message>
</context>
<context>
    <name>Portolan::NewServiceDialog</name>
    <message>
        <source>New Service</source>
        <translation>Neuer Dienst</translation>
    </message>
    <message>
        <source>e.g. mana-billing</source>
        <translation>z. B. mana-billing</translation>
    </message>
    <message>
        <source>(no host yet)</source>
        <translation>(noch kein Host)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Bereich:</translation>
    </message>
    <message>
        <source>P&amp;rotocol:</source>
        <translation>P&amp;rotokoll:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Add Service</source>
        <translation>Dienst &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Add a range first (Ranges dock) to get a port proposed.</source>
        <translation>Legen Sie zuerst einen Bereich an (Leiste „Bereiche“), damit ein Port vorgeschlagen wird.</translation>
    </message>
    <message>
        <source>%1 is the next free port of %2 (reserved and planned ports skipped).</source>
        <translation>%1 ist der nächste freie Port in %2 (reservierte und geplante Ports übersprungen).</translation>
    </message>
    <message>
        <source>%1 %2 is full: every port is planned, used or reserved. The first free port elsewhere is %3 in %4.</source>
        <translation>%1 %2 ist voll: Jeder Port ist geplant, belegt oder reserviert. Der erste freie Port anderswo ist %3 in %4.</translation>
    </message>
    <message>
        <source>&amp;Use %1</source>
        <translation>%1 &amp;verwenden</translation>
    </message>
    <message>
        <source>%1 %2 is full, and so is every other range.</source>
        <translation>%1 %2 ist voll, ebenso alle anderen Bereiche.</translation>
    </message>
    <message>
        <source>This port would create:</source>
        <translation>Dieser Port würde verursachen:</translation>
    </message>
</context>
<context>
    <name>Portolan::Observation</name>
    <message>
        <source>not probed</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>listening</source>
        <translation>lauscht</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>abgewiesen</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>host not found</source>
        <translation>Host nicht gefunden</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>listening (%1 ms)</source>
        <translation>lauscht (%1 ms)</translation>
    </message>
    <message>
        <source>HTTP %1 (%2 ms)</source>
        <translation>HTTP %1 (%2 ms)</translation>
    </message>
    <message>
        <source>HTTP failed: %1</source>
        <translation>HTTP fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>no scrape target</source>
        <translation>kein Scrape-Ziel</translation>
    </message>
    <message>
        <source>scrape up</source>
        <translation>Scrape erfolgreich</translation>
    </message>
    <message>
        <source>scrape down</source>
        <translation>Scrape fehlgeschlagen</translation>
    </message>
    <message>
        <source>scrape pending</source>
        <translation>Scrape ausstehend</translation>
    </message>
</context>
<context>
    <name>Portolan::Prober</name>
    <message>
        <source>&quot;%1&quot; is not a valid address</source>
        <translation>„%1“ ist keine gültige Adresse</translation>
    </message>
    <message>
        <source>no answer within %1 ms</source>
        <translation>keine Antwort innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>A probe is already running.</source>
        <translation>Eine Prüfung läuft bereits.</translation>
    </message>
    <message>
        <source>%1 connection attempts requested; at most %2 are allowed per run.</source>
        <translation>%1 Verbindungsversuche angefordert; höchstens %2 sind je Durchlauf erlaubt.</translation>
    </message>
    <message>
        <source>the run&apos;s deadline of %1 ms passed</source>
        <translation>die Frist des Durchlaufs von %1 ms ist abgelaufen</translation>
    </message>
    <message>
        <source>no complete HTTP answer within %1 ms</source>
        <translation>keine vollständige HTTP-Antwort innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>the answer is larger than %1 KB</source>
        <translation>die Antwort ist größer als %1 KB</translation>
    </message>
    <message>
        <source>not probed: the run&apos;s deadline of %1 ms passed</source>
        <translation>nicht geprüft: die Frist des Durchlaufs von %1 ms ist abgelaufen</translation>
    </message>
</context>
<context>
    <name>Portolan::ProblemsModel</name>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Host collision</source>
        <translation>Host-Kollision</translation>
    </message>
    <message>
        <source>Plan collision</source>
        <translation>Plan-Kollision</translation>
    </message>
    <message>
        <source>Invalid port</source>
        <translation>Ungültiger Port</translation>
    </message>
    <message>
        <source>Duplicate name</source>
        <translation>Doppelter Name</translation>
    </message>
    <message>
        <source>Broken reference</source>
        <translation>Defekter Verweis</translation>
    </message>
    <message>
        <source>Metrics port mismatch</source>
        <translation>Metrik-Port weicht ab</translation>
    </message>
    <message>
        <source>Out of range</source>
        <translation>Außerhalb des Bereichs</translation>
    </message>
    <message>
        <source>Unranged</source>
        <translation>Ohne Bereich</translation>
    </message>
    <message>
        <source>Range overlap</source>
        <translation>Bereichsüberlappung</translation>
    </message>
    <message>
        <source>Reserved slot</source>
        <translation>Reservierter Platz</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>Abweichung</translation>
    </message>
    <message>
        <source>Undocumented</source>
        <translation>Undokumentiert</translation>
    </message>
    <message>
        <source>Latent collision</source>
        <translation>Latente Kollision</translation>
    </message>
    <message>
        <source>Range full</source>
        <translation>Bereich voll</translation>
    </message>
    <message>
        <source>Pairing digits</source>
        <translation>Paarziffern</translation>
    </message>
    <message>
        <source>Privileged port</source>
        <translation>Privilegierter Port</translation>
    </message>
    <message>
        <source>Ephemeral port</source>
        <translation>Ephemerer Port</translation>
    </message>
    <message>
        <source>Unknown listener</source>
        <translation>Unbekannter Dienst lauscht</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>Antwortet nicht</translation>
    </message>
</context>
<context>
    <name>Portolan::ProblemsView</name>
    <message>
        <source>Severity filter</source>
        <translation>Schweregradfilter</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>Alle Schweregrade</translation>
    </message>
    <message>
        <source>Rule filter</source>
        <translation>Regelfilter</translation>
    </message>
    <message>
        <source>All rules</source>
        <translation>Alle Regeln</translation>
    </message>
    <message>
        <source>Filter problems</source>
        <translation>Probleme filtern</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Metrics port mismatch</source>
        <translation>Metrik-Port weicht ab</translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation>Schweregrad:</translation>
    </message>
    <message>
        <source>Rule:</source>
        <translation>Regel:</translation>
    </message>
    <message>
        <source>&amp;Select Services</source>
        <translation>Dienste &amp;auswählen</translation>
    </message>
    <message>
        <source>Show in Range &amp;Grid</source>
        <translation>Im Bereichs&amp;raster zeigen</translation>
    </message>
    <message>
        <source>&amp;Copy Message</source>
        <translation>Meldung &amp;kopieren</translation>
    </message>
</context>
<context>
    <name>Portolan::PrometheusClient</name>
    <message>
        <source>&quot;%1&quot; is not an http(s) URL of a Prometheus server.</source>
        <translation>„%1“ ist keine http(s)-URL eines Prometheus-Servers.</translation>
    </message>
    <message>
        <source>Prometheus at %1: %2</source>
        <translation>Prometheus unter %1: %2</translation>
    </message>
    <message>
        <source>Prometheus at %1 answered HTTP %2.</source>
        <translation>Prometheus unter %1 antwortete mit HTTP %2.</translation>
    </message>
    <message>
        <source>the answer is not JSON (%1 at offset %2)</source>
        <translation>die Antwort ist kein JSON (%1 bei Offset %2)</translation>
    </message>
    <message>
        <source>the answer is not a JSON object</source>
        <translation>die Antwort ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>the answer does not report success</source>
        <translation>die Antwort meldet keinen Erfolg</translation>
    </message>
    <message>
        <source>the answer has no data.activeTargets list</source>
        <translation>die Antwort enthält keine Liste data.activeTargets</translation>
    </message>
    <message>
        <source>no complete answer within %1 ms</source>
        <translation>keine vollständige Antwort innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>the answer is larger than %1 MB</source>
        <translation>die Antwort ist größer als %1 MB</translation>
    </message>
</context>
<context>
    <name>Portolan::PrometheusFormat</name>
    <message>
        <source>Prometheus scrape configuration</source>
        <translation>Prometheus-Scrape-Konfiguration</translation>
    </message>
    <message>
        <source>Prometheus configuration (*.yml *.yaml)</source>
        <translation>Prometheus-Konfiguration (*.yml *.yaml)</translation>
    </message>
    <message>
        <source>A Prometheus configuration is a mapping.</source>
        <translation>Eine Prometheus-Konfiguration ist ein Mapping.</translation>
    </message>
    <message>
        <source>scrape_configs must be a list.</source>
        <translation>scrape_configs muss eine Liste sein.</translation>
    </message>
    <message>
        <source>A scrape config must be a mapping.</source>
        <translation>Eine Scrape-Konfiguration muss ein Mapping sein.</translation>
    </message>
    <message>
        <source>A scrape config has no job_name.</source>
        <translation>Eine Scrape-Konfiguration hat keinen job_name.</translation>
    </message>
    <message>
        <source>The job name %1 is used twice; Prometheus refuses that.</source>
        <translation>Der Jobname %1 wird doppelt verwendet; Prometheus lehnt das ab.</translation>
    </message>
    <message>
        <source>Scrape targets from the Portolan schema &quot;%1&quot;.</source>
        <translation>Scrape-Ziele aus dem Portolan-Schema „%1“.</translation>
    </message>
    <message>
        <source>Job %1: &quot;%2&quot; is not a host:port target; skipped.</source>
        <translation>Job %1: „%2“ ist kein host:port-Ziel; übersprungen.</translation>
    </message>
    <message numerus="yes">
        <source>Job %1: %n target(s) are probe URLs, not services; skipped.</source>
        <translation>
            <numerusform>Job %1: %n Ziel ist eine Probe-URL, kein Dienst; übersprungen.</numerusform>
            <numerusform>Job %1: %n Ziele sind Probe-URLs, keine Dienste; übersprungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Job %1: no file matches %2.</source>
        <translation>Job %1: Keine Datei passt zu %2.</translation>
    </message>
    <message>
        <source>A file_sd file is a list of target groups.</source>
        <translation>Eine file_sd-Datei ist eine Liste von Zielgruppen.</translation>
    </message>
    <message>
        <source>Prometheus file_sd targets</source>
        <translation>Prometheus-file_sd-Ziele</translation>
    </message>
    <message>
        <source>file_sd JSON (*.json)</source>
        <translation>file_sd-JSON (*.json)</translation>
    </message>
    <message>
        <source>Job %1: the file_sd files are listed so often that their targets repeat more than %L2 times.</source>
        <translation>Job %1: Die file_sd-Dateien sind so oft aufgeführt, dass sich ihre Ziele mehr als %L2-mal wiederholen.</translation>
    </message>
    <message>
        <source> It has &quot;services:&quot;: it looks like a compose file.</source>
        <translation> Sie hat „services:“: sie sieht nach einer Compose-Datei aus.</translation>
    </message>
    <message>
        <source>This is not a Prometheus configuration: it has none of global, scrape_configs or scrape_config_files.</source>
        <translation>Dies ist keine Prometheus-Konfiguration: sie hat weder global noch scrape_configs noch scrape_config_files.</translation>
    </message>
    <message>
        <source>scrape_config_files: no file matches %1.</source>
        <translation>scrape_config_files: keine Datei passt zu %1.</translation>
    </message>
    <message>
        <source>A scrape config file is a mapping.</source>
        <translation>Eine Scrape-Konfigurationsdatei ist eine Zuordnung.</translation>
    </message>
    <message>
        <source>Job %1: %2, targets not known offline.</source>
        <translation>Job %1: %2, Ziele offline nicht bekannt.</translation>
    </message>
    <message>
        <source>Job %1: targets must be a list of host:port; skipped.</source>
        <translation>Job %1: targets muss eine Liste von host:port sein; übersprungen.</translation>
    </message>
</context>
<context>
    <name>Portolan::RangeGridPanel</name>
    <message>
        <source>Grid layer</source>
        <translation>Rasterebene</translation>
    </message>
    <message>
        <source>&amp;Layer:</source>
        <translation>&amp;Ebene:</translation>
    </message>
    <message>
        <source>Colour by host</source>
        <translation>Nach Host färben</translation>
    </message>
    <message>
        <source>Colour by status</source>
        <translation>Nach Status färben</translation>
    </message>
    <message>
        <source>Cell colours</source>
        <translation>Zellfarben</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+−)</source>
        <translation>Verkleinern (Strg+−)</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Vergrößern (Strg++)</translation>
    </message>
    <message>
        <source>Next Free Port</source>
        <translation>Nächster freier Port</translation>
    </message>
    <message>
        <source>Go to the next free port of the current range</source>
        <translation>Zum nächsten freien Port des aktuellen Bereichs</translation>
    </message>
    <message>
        <source>Plan (planned ports)</source>
        <translation>Plan (geplante Ports)</translation>
    </message>
    <message>
        <source>%1 (actual ports)</source>
        <translation>%1 (Ist-Ports)</translation>
    </message>
    <message>
        <source>Export Grid</source>
        <translation>Raster exportieren</translation>
    </message>
    <message>
        <source>Cannot export the grid</source>
        <translation>Das Raster kann nicht exportiert werden</translation>
    </message>
    <message>
        <source>Exported the grid to %1</source>
        <translation>Raster nach %1 exportiert</translation>
    </message>
    <message>
        <source>Colo&amp;urs:</source>
        <translation>F&amp;arben:</translation>
    </message>
</context>
<context>
    <name>Portolan::RangeGridView</name>
    <message>
        <source>Range grid</source>
        <translation>Bereichsraster</translation>
    </message>
    <message>
        <source>Unranged</source>
        <translation>Ohne Bereich</translation>
    </message>
    <message>
        <source>The range %1 has no free port left.</source>
        <translation>Im Bereich %1 ist kein Port mehr frei.</translation>
    </message>
    <message>
        <source>Next free port in %1: %2</source>
        <translation>Nächster freier Port in %1: %2</translation>
    </message>
    <message>
        <source>Swap %1 and %2</source>
        <translation>%1 und %2 tauschen</translation>
    </message>
    <message>
        <source>Move %1 to %2</source>
        <translation>%1 nach %2 verschieben</translation>
    </message>
    <message>
        <source>Port %1 is taken</source>
        <translation>Port %1 ist belegt</translation>
    </message>
    <message>
        <source>%1 already uses port %2. Swap the ports of %3 and %1, or put both on %2?</source>
        <translation>%1 nutzt bereits Port %2. Die Ports von %3 und %1 tauschen oder beide auf %2 legen?</translation>
    </message>
    <message>
        <source>&amp;Swap</source>
        <translation>&amp;Tauschen</translation>
    </message>
    <message>
        <source>S&amp;tack Anyway</source>
        <translation>Trotzdem &amp;stapeln</translation>
    </message>
    <message>
        <source>Reserve port %1</source>
        <translation>Port %1 reservieren</translation>
    </message>
    <message>
        <source>Release port %1</source>
        <translation>Port %1 freigeben</translation>
    </message>
    <message>
        <source>Port %1: reserved</source>
        <translation>Port %1: reserviert</translation>
    </message>
    <message>
        <source>Port %1: free</source>
        <translation>Port %1: frei</translation>
    </message>
    <message>
        <source>no host</source>
        <translation>kein Host</translation>
    </message>
    <message>
        <source>%1 is planned on port %2 but runs on %3</source>
        <translation>%1 ist auf Port %2 geplant, läuft aber auf %3</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <source>    planned %1, actual %2</source>
        <translation>    Plan %1, Ist %2</translation>
    </message>
    <message>
        <source>    not in the plan; runs on %1</source>
        <translation>    nicht im Plan; läuft auf %1</translation>
    </message>
    <message>
        <source>    %1: %2</source>
        <translation>    %1: %2</translation>
    </message>
    <message>
        <source>Port %1 is reserved.</source>
        <translation>Port %1 ist reserviert.</translation>
    </message>
    <message>
        <source>reserved</source>
        <translation>reserviert</translation>
    </message>
    <message>
        <source>free</source>
        <translation>frei</translation>
    </message>
    <message>
        <source>planned for %1</source>
        <translation>geplant für %1</translation>
    </message>
    <message>
        <source>, %1: %2</source>
        <translation>, %1: %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>New Service</source>
        <translation>Neuer Dienst</translation>
    </message>
    <message>
        <source>Name of the new service on port %1:</source>
        <translation>Name des neuen Dienstes auf Port %1:</translation>
    </message>
    <message>
        <source>&amp;New Service Here…</source>
        <translation>&amp;Neuer Dienst hier…</translation>
    </message>
    <message>
        <source>&amp;Edit %1…</source>
        <translation>%1 &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Release Reservation</source>
        <translation>Reservierung &amp;freigeben</translation>
    </message>
    <message>
        <source>&amp;Reserve</source>
        <translation>&amp;Reservieren</translation>
    </message>
    <message>
        <source>Go to Next &amp;Free Port</source>
        <translation>Zum nächsten freien &amp;Port</translation>
    </message>
    <message>
        <source>    Live: %1</source>
        <translation>    Live: %1</translation>
    </message>
    <message>
        <source>%1 is on port %2 outside the drafts</source>
        <translation>%1 liegt außerhalb der Entwürfe auf Port %2</translation>
    </message>
    <message>
        <source>&amp;Move %1 to Port…</source>
        <translation>%1 auf Port &amp;verschieben…</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>%1 verschieben</translation>
    </message>
    <message>
        <source>New port of %1:</source>
        <translation>Neuer Port von %1:</translation>
    </message>
    <message>
        <source>Alt+arrow keys move it one cell at a time</source>
        <translation>Alt+Pfeiltasten verschieben ihn Zelle für Zelle</translation>
    </message>
    <message>
        <source>Port %1 is reserved</source>
        <translation>Port %1 ist reserviert</translation>
    </message>
    <message>
        <source>Port %1 is reserved: it is kept free on purpose. Move %2 there anyway?</source>
        <translation>Port %1 ist reserviert: Er wird absichtlich freigehalten. %2 trotzdem dorthin verschieben?</translation>
    </message>
    <message>
        <source>Reservation note: %1</source>
        <translation>Notiz der Reservierung: %1</translation>
    </message>
    <message>
        <source>The reservation stays; Portolan will report the service on a reserved port.</source>
        <translation>Die Reservierung bleibt bestehen; Portolan meldet den Dienst auf einem reservierten Port.</translation>
    </message>
    <message>
        <source>&amp;Move Anyway</source>
        <translation>&amp;Trotzdem verschieben</translation>
    </message>
</context>
<context>
    <name>Portolan::RangeTableModel</name>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>First</source>
        <translation>Erster</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Letzter</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Belegt</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <source>A range must not start after its end (%1 &gt; %2).</source>
        <translation>Ein Bereich darf nicht nach seinem Ende beginnen (%1 &gt; %2).</translation>
    </message>
    <message>
        <source>Edit range %1</source>
        <translation>Bereich %1 bearbeiten</translation>
    </message>
    <message>
        <source>%1 of %2 ports used: %3 planned for a service, %4 reserved</source>
        <translation>%1 von %2 Ports belegt: %3 für einen Dienst geplant, %4 reserviert</translation>
    </message>
    <message numerus="yes">
        <source>%1/%2 (%n reserved)</source>
        <translation>
            <numerusform>%1/%2 (%n res.)</numerusform>
            <numerusform>%1/%2 (%n res.)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::RealityCheck</name>
    <message>
        <source>There is no host &quot;%1&quot; in the document.</source>
        <translation>Im Dokument gibt es keinen Host „%1“.</translation>
    </message>
    <message>
        <source>Host &quot;%1&quot; has no address to probe.</source>
        <translation>Host „%1“ hat keine Adresse zum Prüfen.</translation>
    </message>
    <message>
        <source>%1-%2 is not a port range.</source>
        <translation>%1-%2 ist kein Portbereich.</translation>
    </message>
    <message>
        <source>the host has no address</source>
        <translation>der Host hat keine Adresse</translation>
    </message>
    <message>
        <source>no port to probe</source>
        <translation>kein Port zu prüfen</translation>
    </message>
    <message>
        <source>UDP is not probed</source>
        <translation>UDP wird nicht geprüft</translation>
    </message>
    <message>
        <source>The scan asks for more than %1 connection attempts; choose fewer hosts or smaller ranges.</source>
        <translation>Der Scan erfordert mehr als %1 Verbindungsversuche; wählen Sie weniger Hosts oder kleinere Bereiche.</translation>
    </message>
    <message>
        <source>The check asks for more than %1 connection attempts; choose fewer hosts or smaller ranges.</source>
        <translation>Die Prüfung erfordert mehr als %1 Verbindungsversuche; wählen Sie weniger Hosts oder kleinere Bereiche.</translation>
    </message>
    <message>
        <source>A reality check is already running.</source>
        <translation>Ein Realitätsabgleich läuft bereits.</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Something listens on %1 port %2, which the plan does not know</source>
        <translation>Auf %1 lauscht etwas an Port %2, das der Plan nicht kennt</translation>
    </message>
    <message>
        <source>%1 is deployed but does not answer on %2 port %3 (%4)</source>
        <translation>%1 ist in Betrieb, antwortet aber nicht auf %2, Port %3 (%4)</translation>
    </message>
</context>
<context>
    <name>Portolan::RealityCheckDialog</name>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>&amp;Cancel Check</source>
        <translation>Prüfung a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Reality Check</source>
        <translation>Realitätsabgleich</translation>
    </message>
    <message>
        <source>Hosts to probe</source>
        <translation>Zu prüfende Hosts</translation>
    </message>
    <message>
        <source>Ranges to sweep</source>
        <translation>Zu durchsuchende Bereiche</translation>
    </message>
    <message>
        <source>more ports to sweep, e.g. 8000-8099, 9090</source>
        <translation>weitere zu durchsuchende Ports, z. B. 8000-8099, 9090</translation>
    </message>
    <message>
        <source>More ports to sweep</source>
        <translation>Weitere zu durchsuchende Ports</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>none, e.g. /health</source>
        <translation>keiner, z. B. /health</translation>
    </message>
    <message>
        <source>none, e.g. http://127.0.0.1:9090</source>
        <translation>keiner, z. B. http://127.0.0.1:9090</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>Sweep for unknown listeners</source>
        <translation>Nach unbekannten lauschenden Ports suchen</translation>
    </message>
    <message>
        <source>&amp;Timeout per attempt:</source>
        <translation>&amp;Zeitlimit je Versuch:</translation>
    </message>
    <message>
        <source>Attempts at a &amp;time:</source>
        <translation>&amp;Gleichzeitige Versuche:</translation>
    </message>
    <message>
        <source>HTTP &amp;health path:</source>
        <translation>&amp;HTTP-Health-Pfad:</translation>
    </message>
    <message>
        <source>&amp;Prometheus server:</source>
        <translation>&amp;Prometheus-Server:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (no address)</source>
        <translation>%1 (keine Adresse)</translation>
    </message>
    <message>
        <source>Choose the hosts to probe.</source>
        <translation>Wählen Sie die zu prüfenden Hosts.</translation>
    </message>
    <message numerus="yes">
        <source>%n connection attempt(s), at most %1 s.</source>
        <translation>
            <numerusform>%n Verbindungsversuch, höchstens %1 s.</numerusform>
            <numerusform>%n Verbindungsversuche, höchstens %1 s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 · %n listening</source>
        <translation>
            <numerusform>%1 von %2 · %n lauscht</numerusform>
            <numerusform>%1 von %2 · %n lauschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %n attempt(s).</source>
        <translation>
            <numerusform>Nach %n Versuch abgebrochen.</numerusform>
            <numerusform>Nach %n Versuchen abgebrochen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checked at %1: %n attempt(s), </source>
        <translation>
            <numerusform>Geprüft um %1: %n Versuch, </numerusform>
            <numerusform>Geprüft um %1: %n Versuche, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n listening.</source>
        <translation>
            <numerusform>%n lauscht.</numerusform>
            <numerusform>%n lauschen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every deployed service answered.</source>
        <translation>Jeder Dienst in Betrieb hat geantwortet.</translation>
    </message>
    <message numerus="yes">
        <source>%n deployed service(s) did not answer.</source>
        <translation>
            <numerusform>%n Dienst in Betrieb hat nicht geantwortet.</numerusform>
            <numerusform>%n Dienste in Betrieb haben nicht geantwortet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Prometheus target %1 (job %2, %3) matches no service.</source>
        <translation>Prometheus-Ziel %1 (Job %2, %3) passt zu keinem Dienst.</translation>
    </message>
</context>
<context>
    <name>Portolan::ReservationTableModel</name>
    <message>
        <source>First</source>
        <translation>Erster</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Letzter</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>A reservation must not start after its end (%1 &gt; %2).</source>
        <translation>Eine Reservierung darf nicht nach ihrem Ende beginnen (%1 &gt; %2).</translation>
    </message>
    <message>
        <source>Edit reservation %1</source>
        <translation>Reservierung %1 bearbeiten</translation>
    </message>
</context>
<context>
    <name>Portolan::RuleSettingsDialog</name>
    <message>
        <source>Rule Settings</source>
        <translation>Regeleinstellungen</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>Severity of %1</source>
        <translation>Schweregrad von %1</translation>
    </message>
    <message>
        <source>Default (%1)</source>
        <translation>Standard (%1)</translation>
    </message>
    <message>
        <source>A range is &amp;nearly full at:</source>
        <translation>Ein Bereich ist &amp;fast voll ab:</translation>
    </message>
</context>
<context>
    <name>Portolan::Rules</name>
    <message>
        <source>Two services on one host share a port</source>
        <translation>Zwei Dienste auf einem Host teilen sich einen Port</translation>
    </message>
    <message>
        <source>Two services share a planned port</source>
        <translation>Zwei Dienste teilen sich einen geplanten Port</translation>
    </message>
    <message>
        <source>Port outside 1-65535</source>
        <translation>Port außerhalb von 1-65535</translation>
    </message>
    <message>
        <source>Two services with one name on one host</source>
        <translation>Zwei gleichnamige Dienste auf einem Host</translation>
    </message>
    <message>
        <source>A reference points where nothing listens</source>
        <translation>Ein Verweis zeigt auf einen Port, an dem nichts lauscht</translation>
    </message>
    <message>
        <source>Scrape port is not the service&apos;s port</source>
        <translation>Scrape-Port ist nicht der Port des Dienstes</translation>
    </message>
    <message>
        <source>Port outside the service&apos;s range</source>
        <translation>Port außerhalb des Bereichs des Dienstes</translation>
    </message>
    <message>
        <source>Port in no range</source>
        <translation>Port in keinem Bereich</translation>
    </message>
    <message>
        <source>Ranges overlap without being nested</source>
        <translation>Bereiche überlappen, ohne verschachtelt zu sein</translation>
    </message>
    <message>
        <source>Service on a reserved slot</source>
        <translation>Dienst auf einem reservierten Platz</translation>
    </message>
    <message>
        <source>Reality differs from the plan</source>
        <translation>Die Realität weicht vom Plan ab</translation>
    </message>
    <message>
        <source>Running but absent from the plan</source>
        <translation>Läuft, fehlt aber im Plan</translation>
    </message>
    <message>
        <source>Would collide if moved or co-located</source>
        <translation>Würde bei Verschiebung oder gemeinsamem Host kollidieren</translation>
    </message>
    <message>
        <source>Range nearly full</source>
        <translation>Bereich fast voll</translation>
    </message>
    <message>
        <source>Frontend and backend don&apos;t share last digits</source>
        <translation>Frontend und Backend enden nicht auf dieselben Ziffern</translation>
    </message>
    <message>
        <source>Port below 1024</source>
        <translation>Port unter 1024</translation>
    </message>
    <message>
        <source>Port in an ephemeral range</source>
        <translation>Port in einem ephemeren Bereich</translation>
    </message>
    <message>
        <source>Something listens where the plan has no service</source>
        <translation>Etwas lauscht, wo der Plan keinen Dienst hat</translation>
    </message>
    <message>
        <source>Deployed service does not answer</source>
        <translation>Dienst in Betrieb antwortet nicht</translation>
    </message>
    <message>
        <source>A linked source cannot be read</source>
        <translation>Eine verknüpfte Quelle ist nicht lesbar</translation>
    </message>
    <message>
        <source>Scrape targets found by service discovery</source>
        <translation>Scrape-Ziele per Service Discovery</translation>
    </message>
</context>
<context>
    <name>Portolan::SchemaDocument</name>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
</context>
<context>
    <name>Portolan::ServiceDelegate</name>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>(no host)</source>
        <translation>(kein Host)</translation>
    </message>
    <message>
        <source>(from the port)</source>
        <translation>(aus dem Port)</translation>
    </message>
    <message>
        <source>(unspecified)</source>
        <translation>(nicht angegeben)</translation>
    </message>
    <message>
        <source>A port from 1 to 65535; empty for none</source>
        <translation>Ein Port von 1 bis 65535; leer für keinen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port: ports run from 1 to 65535 (empty for none).</source>
        <translation>„%1“ ist kein Port: Ports reichen von 1 bis 65535 (leer für keinen).</translation>
    </message>
</context>
<context>
    <name>Portolan::ServiceTableModel</name>
    <message>
        <source>Last scrape error: %1</source>
        <translation>Letzter Scrape-Fehler: %1</translation>
    </message>
    <message>
        <source>Checked %1</source>
        <translation>Geprüft: %1</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Live (%1)</source>
        <translation>Live (%1)</translation>
    </message>
    <message>
        <source>A service needs a name.</source>
        <translation>Ein Dienst braucht einen Namen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port number (1-65535).</source>
        <translation>„%1“ ist keine Portnummer (1-65535).</translation>
    </message>
    <message>
        <source>There is no host &quot;%1&quot;.</source>
        <translation>Es gibt keinen Host „%1“.</translation>
    </message>
    <message>
        <source>There is no range &quot;%1&quot;.</source>
        <translation>Es gibt keinen Bereich „%1“.</translation>
    </message>
    <message>
        <source>The protocol must be tcp or udp.</source>
        <translation>Das Protokoll muss tcp oder udp sein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a status.</source>
        <translation>„%1“ ist kein Status.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an exposure.</source>
        <translation>„%1“ ist keine Sichtbarkeit.</translation>
    </message>
    <message>
        <source>%1: ports %2–%3</source>
        <translation>%1: Ports %2–%3</translation>
    </message>
</context>
<context>
    <name>Portolan::ServicesView</name>
    <message>
        <source>Filter services (name, port, host, …)</source>
        <translation>Dienste filtern (Name, Port, Host, …)</translation>
    </message>
    <message>
        <source>Filter services</source>
        <translation>Dienste filtern</translation>
    </message>
    <message>
        <source>Host filter</source>
        <translation>Hostfilter</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation>Alle Hosts</translation>
    </message>
    <message>
        <source>Services shown</source>
        <translation>Angezeigte Dienste</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n shown</source>
        <translation>
            <numerusform>%1 von %n angezeigt</numerusform>
            <numerusform>%1 von %n angezeigt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Portolan::ShortListModel</name>
    <message>
        <source>&quot;%1&quot; is not a port number (1-65535).</source>
        <translation>„%1“ ist keine Portnummer (1-65535).</translation>
    </message>
</context>
<context>
    <name>Portolan::SourcesView</name>
    <message>
        <source>Host / source</source>
        <translation>Host / Quelle</translation>
    </message>
    <message>
        <source>Last read</source>
        <translation>Zuletzt gelesen</translation>
    </message>
    <message>
        <source>Linked sources</source>
        <translation>Verknüpfte Quellen</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>Verknüpfen …</translation>
    </message>
    <message>
        <source>Link a compose file, Prometheus config, cloudflared config or env file to the host</source>
        <translation>Eine Compose-Datei, Prometheus- oder cloudflared-Konfiguration oder Env-Datei mit dem Host verknüpfen</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <source>Unlink the selected source (undoable)</source>
        <translation>Die gewählte Quelle lösen (rückgängig zu machen)</translation>
    </message>
    <message>
        <source>Re-read</source>
        <translation>Neu lesen</translation>
    </message>
    <message>
        <source>Read the selected host&apos;s sources again</source>
        <translation>Die Quellen des gewählten Hosts neu lesen</translation>
    </message>
    <message>
        <source>no sources linked</source>
        <translation>keine Quellen verknüpft</translation>
    </message>
    <message numerus="yes">
        <source>%n source(s)</source>
        <translation>
            <numerusform>%n Quelle</numerusform>
            <numerusform>%n Quellen</numerusform>
        </translation>
    </message>
    <message>
        <source>not read</source>
        <translation>nicht gelesen</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n entry(ies)</source>
        <translation>
            <numerusform>%1 · %n Eintrag</numerusform>
            <numerusform>%1 · %n Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n endpoint(s)</source>
        <translation>
            <numerusform>%1 · %n Endpunkt</numerusform>
            <numerusform>%1 · %n Endpunkte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the host the files belong to first.</source>
        <translation>Zuerst den Host wählen, zu dem die Dateien gehören.</translation>
    </message>
    <message>
        <source>Link %1 to %2</source>
        <translation>%1 mit %2 verknüpfen</translation>
    </message>
    <message>
        <source>Link Source</source>
        <translation>Quelle verknüpfen</translation>
    </message>
    <message>
        <source>Select the host the source belongs to first.</source>
        <translation>Zuerst den Host wählen, zu dem die Quelle gehört.</translation>
    </message>
    <message>
        <source>Link Source to %1</source>
        <translation>Quelle mit %1 verknüpfen</translation>
    </message>
    <message>
        <source>Sources (*.yml *.yaml *.env .env* *.json);;All files (*)</source>
        <translation>Quellen (*.yml *.yaml *.env .env* *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot link source</source>
        <translation>Quelle kann nicht verknüpft werden</translation>
    </message>
    <message>
        <source>Unlink %1</source>
        <translation>%1 lösen</translation>
    </message>
    <message>
        <source>%1 · changed by Carry Out, not read into reality</source>
        <translation>%1 · wird von Umsetzen geändert, nicht als Realität gelesen</translation>
    </message>
    <message>
        <source>%1 is neither a compose file, a Prometheus or cloudflared configuration, an env file, nor a Markdown port document.</source>
        <translation>%1 ist weder eine Compose-Datei, eine Prometheus- oder cloudflared-Konfiguration, eine env-Datei noch ein Markdown-Port-Dokument.</translation>
    </message>
</context>
<context>
    <name>Portolan::Yaml</name>
    <message>
        <source>The file contains binary data (a NUL byte), not YAML text.</source>
        <translation>Die Datei enthält Binärdaten (ein NUL-Byte), keinen YAML-Text.</translation>
    </message>
    <message>
        <source>The file is not valid UTF-8 text.</source>
        <translation>Die Datei ist kein gültiger UTF-8-Text.</translation>
    </message>
    <message>
        <source>Invalid YAML: this quoted string is never closed.</source>
        <translation>Ungültiges YAML: Diese Zeichenkette in Anführungszeichen wird nie geschlossen.</translation>
    </message>
    <message>
        <source>Invalid YAML: %1</source>
        <translation>Ungültiges YAML: %1</translation>
    </message>
    <message>
        <source>Invalid YAML: the key &quot;%1&quot; appears twice in this mapping (first on line %2).</source>
        <translation>Ungültiges YAML: Der Schlüssel „%1“ kommt in dieser Zuordnung zweimal vor (zuerst in Zeile %2).</translation>
    </message>
    <message>
        <source>Invalid YAML: the alias *%1 names no anchor defined before it.</source>
        <translation>Ungültiges YAML: Der Alias *%1 verweist auf keinen zuvor definierten Anker.</translation>
    </message>
    <message>
        <source>Invalid YAML: nested more than %1 levels deep.</source>
        <translation>Ungültiges YAML: mehr als %1 Ebenen tief verschachtelt.</translation>
    </message>
    <message>
        <source>Out of memory while reading YAML.</source>
        <translation>Nicht genug Speicher beim Lesen von YAML.</translation>
    </message>
    <message>
        <source>The file is too large for this format (%1 KB; at most the %2 KB up to here are read).</source>
        <translation>Die Datei ist für dieses Format zu groß (%1 KB; gelesen werden höchstens die %2 KB bis hierher).</translation>
    </message>
    <message>
        <source>Invalid YAML: %1 (character U+%2).</source>
        <translation>Ungültiges YAML: %1 (Zeichen U+%2).</translation>
    </message>
    <message>
        <source>Invalid YAML: the alias *%1 refers to the node that contains it.</source>
        <translation>Ungültiges YAML: Der Alias *%1 verweist auf den Knoten, der ihn enthält.</translation>
    </message>
    <message>
        <source>Invalid YAML: the aliases expand to more than %L1 nodes.</source>
        <translation>Ungültiges YAML: Die Aliase erweitern sich auf mehr als %L1 Knoten.</translation>
    </message>
</context>
</TS>
