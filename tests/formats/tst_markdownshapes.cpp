#include "markdownformat.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Portolan;

namespace {

std::optional<ReadResult> importMarkdown(const QByteArray &data, ParseError *error)
{
    FormatOptions options;
    options.fileName = QStringLiteral("ports.md");
    return MarkdownFormat().read(data, options, error);
}

// "name port[>container][/udp] host range exposure [aliases]", "-" for none.
QStringList describe(const Schema &schema)
{
    QStringList out;
    for (const Service &s : schema.services) {
        QString port = QString::number(s.plannedPort);
        if (s.containerPort)
            port += QStringLiteral(">%1").arg(s.containerPort);
        if (s.protocol == Protocol::Udp)
            port += QStringLiteral("/udp");
        auto orDash = [](const QString &text) { return text.isEmpty() ? QStringLiteral("-") : text; };
        out.append(QStringLiteral("%1 %2 %3 %4 %5")
                       .arg(s.name, port, orDash(s.hostId), orDash(s.rangeId),
                            s.exposure == Exposure::Internal ? QStringLiteral("internal") : QStringLiteral("-")));
        if (!s.aliases.isEmpty())
            out.last() += QStringLiteral(" [%1]").arg(s.aliases.join(QLatin1Char(',')));
    }
    return out;
}

// "line:column message" of every positioned warning; the summary has none.
QStringList positioned(const QList<Diagnostic> &warnings)
{
    QStringList out;
    for (const Diagnostic &d : warnings) {
        if (d.line > 0)
            out.append(QStringLiteral("%1:%2 %3").arg(d.line).arg(d.column).arg(d.message));
    }
    return out;
}

} // namespace

// Port documentation in the shapes teams write, read by meaning.
class tst_MarkdownShapes : public QObject
{
    Q_OBJECT

private slots:
    void shouldReadTheShape_data();
    void shouldReadTheShape();
    void shouldReadShapesSeenInPublicDocs_data();
    void shouldReadShapesSeenInPublicDocs();
    void shouldRefuseWhatIsNotMarkdown_data();
    void shouldRefuseWhatIsNotMarkdown();
    void shouldSumUpWhatWasRead();
    void shouldKeepWhatATypeColumnSays();
    void shouldGiveUniqueIdsToManyEqualNamesQuickly();
    void shouldImportWithWarningsThroughTheCommandLine();
    void shouldReadATenMegabyteDocQuickly_data();
    void shouldReadATenMegabyteDocQuickly();
};

void tst_MarkdownShapes::shouldReadTheShape_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("services");
    QTest::addColumn<QStringList>("warnings");

    QTest::newRow("Port | Service under the title")
        << QByteArray("# Ports\n\n| Port | Service |\n|---|---|\n| 3000 | grafana |\n| 9090 | prometheus |\n")
        << QStringList{"grafana 3000 - - -", "prometheus 9090 - - -"} << QStringList();
    QTest::newRow("German headers") << QByteArray("# Ports\n\n| Dienst | Port |\n|---|---|\n| Grafana | 3000 |\n")
                                    << QStringList{"Grafana 3000 - - -"} << QStringList();
    QTest::newRow("Porta | Servizio (Italian)") << QByteArray("| Porta | Servizio |\n|---|---|\n| 22 | ssh |\n")
                                                << QStringList{"ssh 22 - - -"} << QStringList();
    QTest::newRow("Port(s) | App") << QByteArray("| App | Port(s) |\n|---|---|\n| gitea | 3000, 2222 |\n")
                                   << QStringList{"gitea 3000 - - -", "gitea-2222 2222 - - -"} << QStringList();
    QTest::newRow("Listen | Name") << QByteArray("| Name | Listen |\n|---|---|\n| sshd | 22/tcp |\n")
                                   << QStringList{"sshd 22 - - -"} << QStringList();
    QTest::newRow("Port | Assigned") << QByteArray("| Port | Assigned |\n|---|---|\n| 8080 | traefik |\n")
                                     << QStringList{"traefik 8080 - - -"} << QStringList();
    QTest::newRow("host and container port")
        << QByteArray("| Service | Host Port | Container Port |\n|---|---|---|\n| web | 8080 | 80 |\n")
        << QStringList{"web 8080>80 - - -"} << QStringList();
    QTest::newRow("only an internal port") << QByteArray("| Container | Internal Port |\n|---|---|\n| db | 5432 |\n")
                                           << QStringList{"db 5432 - - internal"} << QStringList();
    QTest::newRow("Published and Name")
        << QByteArray("| Name | Published | Notes |\n|---|---|---|\n| `immich` | 2283 | photos |\n")
        << QStringList{"immich 2283 - - -"} << QStringList();
    QTest::newRow("several ports in a cell")
        << QByteArray("| Service | Ports |\n|---|---|\n| nginx | 80 / 443 |\n| dns | 53/udp |\n| app | 3000 (tcp) |\n"
                      "| pool | 8000-8010 |\n| b | 80, 8443 |\n")
        << QStringList{"nginx 80 - - -",   "nginx-443 443 - - -", "dns 53/udp - - -", "app 3000 - - -",
                       "pool 8000 - - -", "b 80 - - -",         "b-8443 8443 - - -"}
        << QStringList();
    QTest::newRow("several ports in a layout table")
        << QByteArray("# T\n\n## 8000-8099: Web\n\n| Port | Service |\n|---|---|\n| 80 / 443 | nginx |\n")
        << QStringList{"nginx 80 - web -", "nginx-443 443 - web -"} << QStringList();
    QTest::newRow("layout heading range") << QByteArray("# P\n\n## 3000-3099: Core\n\n| Port | Service |\n|---|---|\n| 3001 | api |\n")
                                          << QStringList{"api 3001 - core -"} << QStringList();
    QTest::newRow("71xx heading, three list forms")
        << QByteArray("# P\n\n## 71xx\n\n- grafana: 7100\n- 7101 \xE2\x80\x94 loki\n- tempo `7102`\n")
        << QStringList{"grafana 7100 - 7100-7199 -", "loki 7101 - 7100-7199 -", "tempo 7102 - 7100-7199 -"}
        << QStringList();
    QTest::newRow("Ports 8000\xE2\x80\x93" "8099 heading")
        << QByteArray("# P\n\n### Ports 8000\xE2\x80\x93" "8099\n\n- api: 8001\n")
        << QStringList{"api 8001 - 8000-8099 -"} << QStringList();
    QTest::newRow("titled range in a list doc")
        << QByteArray("# P\n\n## 3000-3099: Core\n\n- api: 3001\n\n## Other\n\n- x: 9000\n")
        << QStringList{"api 3001 - core -", "x 9000 - - -"} << QStringList();
    QTest::newRow("host section") << QByteArray("# P\n\n## On nas01\n\n- plex: 32400\n\n## Elsewhere\n\n- x: 1\n")
                                  << QStringList{"plex 32400 nas01 - -", "x 1 - - -"} << QStringList();
    QTest::newRow("host column") << QByteArray("| Host | Service | Port |\n|---|---|---|\n| nas01 | plex | 32400 |\n")
                                 << QStringList{"plex 32400 nas01 - -"} << QStringList();
    QTest::newRow("internal by meaning, layout table")
        << QByteArray("# P\n\n## Internal (Docker / not published)\n\n| Service | Port |\n|---|---|\n| redis | 6379 |\n")
        << QStringList{"redis 6379 - - internal"} << QStringList();
    QTest::newRow("not exposed") << QByteArray("# P\n\n## Not exposed\n\n- postgres: 5432\n")
                                 << QStringList{"postgres 5432 - - internal"} << QStringList();
    QTest::newRow("container only") << QByteArray("# P\n\n## Container only\n\n- postgres: 5432\n")
                                    << QStringList{"postgres 5432 - - internal"} << QStringList();
    QTest::newRow("intern (German)") << QByteArray("# P\n\n## Intern\n\n- postgres: 5432\n\n## Extern\n\n- web: 80\n")
                                     << QStringList{"postgres 5432 - - internal", "web 80 - - -"} << QStringList();
    QTest::newRow("other port table in a layout doc")
        << QByteArray("# T\n\n## 3000-3009: Core\n\n| Port | Service |\n|---|---|\n| 3001 | api |\n\n## Extra\n\n"
                      "| Name | Host Port |\n|---|---|\n| web | 8080 |\n")
        << QStringList{"api 3001 - core -"}
        << QStringList{"11:1 The table at 11:1 lists ports without the columns Port and Service of this layout; it was "
                       "kept as notes, not read as services."};
    QTest::newRow("code block is not read")
        << QByteArray("# P\n\n- a: 3000\n\n```\n- b: 3001\n| Port | Service |\n```\n")
        << QStringList{"a 3000 - - -"} << QStringList();

    QTest::newRow("default | alternative columns, blank rows")
        << QByteArray("|default|alternative|protocol|service|\n|-:|-:|-|-|\n|2222|22|tcp|endlessh|\n|||||\n"
                      "|53||udp|pi-hole|\n|80|todo|tcp|pi-hole|\n")
        << QStringList{"endlessh 22 - - -", "pi-hole 53/udp - - -", "pi-hole 80 - - -"}
        << QStringList{"6:5 \"todo\" is not a port (1-65535); the row is kept without it."};
    QTest::newRow("empty cell \"||\", one-dash delimiters: columns kept")
        << QByteArray("| Service | Host Port | Container Port |\n|-|-|-|\n| a || x1 |\n") << QStringList{"a 0 - - -"}
        << QStringList{"3:8 \"x1\" is not a port (1-65535); the row is kept without it."};
    QTest::newRow("https | http columns") << QByteArray("| Service Name | https | http |\n|---|---|---|\n| parking | 16001 | 15001 |\n")
                                          << QStringList{"parking 16001 - - -", "parking-15001 15001 - - -"} << QStringList();
    QTest::newRow("Forward To column, headings naming machines")
        << QByteArray("| Port | Forward To | Service |\n|---|---|---|\n| 32400 | Ubuntu Server | Plex |\n\n"
                      "| Machine | Role |\n|---|---|\n| IBM Server | node |\n\n### IBM Server\n\n| Port | Service |\n|---|---|\n"
                      "| 81 | npm |\n\n### Elsewhere\n\n| Port | Service |\n|---|---|\n| 82 | x |\n")
        << QStringList{"Plex 32400 ubuntu-server - -", "npm 81 ibm-server - -", "x 82 - - -"} << QStringList();
    QTest::newRow("Forward To under a heading: no word of it kept as a note")
        << QByteArray("# P\n\n## Router\n\n| Port | Forward To | Service | Why |\n|---|---|---|---|\n"
                      "| 32400 | nas | Plex | direct |\n")
        << QStringList{"Plex 32400 nas - -"}
        << QStringList{"5:1 The column \"why\" is not one Portolan knows; its cells are kept in the services' notes."};
    QTest::newRow("repeated row read once")
        << QByteArray("| Service | Port |\n|---|---|\n| Plex | 32400 |\n| Plex | 32400, 3005 |\n| Plex | 1900/udp |\n")
        << QStringList{"Plex 32400 - - -", "Plex-3005 3005 - - -", "Plex 1900/udp - - -"}
        << QStringList{"4:3 \"Plex\" on port 32400 is listed again; read once."};
    QTest::newRow("two services in a cell") << QByteArray("| Port | Dienst |\n|---|---|\n| 3000 | Wiki.js, Homepage (intern) |\n")
                                            << QStringList{"Wiki.js 3000 - - internal", "Homepage 3000 - - internal"}
                                            << QStringList();
    QTest::newRow("published aside in an internal section")
        << QByteArray("# P\n\n## Internal Ports\n\n| Port | Service |\n|---|---|\n| 32400 | Plex *(forwarded on router)* |\n"
                      "| 81 | npm |\n")
        << QStringList{"Plex 32400 - - -", "npm 81 - - internal"} << QStringList();
    QTest::newRow("Hostname line names the doc's host")
        << QByteArray("# Ports\n\nHostname: `nas01.lan` (Tailscale).\n\n| Port | Service |\n|---|---|\n| 80 | web |\n")
        << QStringList{"web 80 nas01-lan - -"} << QStringList();
    QTest::newRow("deployments on a host, / for no port")
        << QByteArray("# docker-compose `main-server`\n\n> deployments on `main-server`.\n\n"
                      "| Container Name | Host Port | Internal Port |\n|---|---|---|\n| muse | / | / |\n| db | / | 3306 |\n"
                      "| web | 10130 | 80 |\n")
        << QStringList{"muse 0 main-server - -", "db 0>3306 main-server - internal", "web 10130>80 main-server - -"}
        << QStringList();
    QTest::newRow("running on a word that is no host") << QByteArray("Services running on Linux.\n\n- web: 80\n")
                                                       << QStringList{"web 80 - - -"} << QStringList();
    QTest::newRow("bold name after the ports")
        << QByteArray("# P\n\n- `80`, `443` \xE2\x80\x93 used by **Nginx** for HTTP/S entry\n- `5432` \xE2\x80\x93 **PostgreSQL** DB\n"
                      "- `22` \xE2\x80\x93 **SSH**\n")
        << QStringList{"Nginx 80 - - -", "Nginx-443 443 - - -", "PostgreSQL 5432 - - -", "SSH 22 - - -"} << QStringList();
    QTest::newRow("dashboard ids are not ports")
        << QByteArray("# S\n\n| Service | Port |\n|---|---|\n| a | 1 |\n\n# Grafana Dashboard Id's\n\n"
                      "- 1860 - [Node Exporter](https://example.org/)\n- 13946 - cAdvisor\n")
        << QStringList{"a 1 - - -"}
        << QStringList{"7:3 The section \"Grafana Dashboard Id's\" lists ids, not ports; its list was skipped."};

    // Tolerant: a positioned warning, the rest kept.
    QTest::newRow("bad cell") << QByteArray("| Service | Port |\n|---|---|\n| a | 30x1 |\n| b | 3001 |\n")
                              << QStringList{"a 0 - - -", "b 3001 - - -"}
                              << QStringList{"3:7 \"30x1\" is not a port (1-65535); the row is kept without it."};
    QTest::newRow("bad part of a cell")
        << QByteArray("| Service | Port |\n|---|---|\n| a | 80 / 70000 |\n") << QStringList{"a 80 - - -"}
        << QStringList{"3:12 \"70000\" is not a port (1-65535); the row is kept without it."};
    QTest::newRow("bad cell in a layout table")
        << QByteArray("# T\n\n## 3000-3009: Core\n\n| Port | Service |\n|---|---|\n| 30x1 | a |\n| 3001 | b |\n")
        << QStringList{"a 0 - core -", "b 3001 - core -"}
        << QStringList{"7:3 \"30x1\" is not a port (1-65535); the row is kept without it."};
    QTest::newRow("empty table") << QByteArray("# P\n\n| Port | Service |\n|---|---|\n") << QStringList()
                                 << QStringList{"3:1 The table at 3:1 has no rows."};
    QTest::newRow("table without a port column")
        << QByteArray("# P\n\n- a: 3000\n\n| Service | Owner |\n|---|---|\n| grafana | ann |\n")
        << QStringList{"a 3000 - - -"} << QStringList{"5:1 The table at 5:1 has no port column; skipped."};
    QTest::newRow("heading range 3010-3000") << QByteArray("# P\n\n## Ports 3010-3000\n\n- a: 3005\n")
                                             << QStringList{"a 3005 - - -"}
                                             << QStringList{"3:10 The heading's range 3010-3000 ends before it starts; "
                                                            "read as a plain heading."};
    QTest::newRow("layout heading range 3010-3000")
        << QByteArray("# T\n\n## 3010-3000: Core\n\n| Port | Service |\n|---|---|\n| 3005 | a |\n")
        << QStringList{"a 3005 - - -"}
        << QStringList{"3:4 The range starts at 3010 but ends before it, at 3000; the section is read without a range."};
    QTest::newRow("list item without a name") << QByteArray("# P\n\n- a: 3000\n- 3001\n") << QStringList{"a 3000 - - -"}
                                              << QStringList{"4:3 The list item \"3001\" names no service and port; "
                                                             "skipped."};
    QTest::newRow("row without a service name")
        << QByteArray("| Service | Port |\n|---|---|\n|  | 3001 |\n| b | 3002 |\n") << QStringList{"b 3002 - - -"}
        << QStringList{"3:0 The row has no service name; skipped."};
}

void tst_MarkdownShapes::shouldReadTheShape()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, services);
    QFETCH(QStringList, warnings);
    ParseError error;
    const std::optional<ReadResult> result = importMarkdown(input, &error);
    QVERIFY2(result, qPrintable(error.toString()));
    QCOMPARE(describe(result->schema), services);
    QCOMPARE(positioned(result->warnings), warnings);
}

// Shapes of public port docs (tests/data/markdown/README.md names them),
// rewritten short; the expected services are what a reader of the doc sees.
void tst_MarkdownShapes::shouldReadShapesSeenInPublicDocs_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("services");
    QTest::addColumn<QStringList>("warnings");

    QTest::newRow("right-aligned Service name | Port, two ports in one cell")
        << QByteArray("Ports of the services in docker\n\n| Service name | Port |\n| ---: | --- |\n| Redis | 6379 |\n"
                      "| Transmission | 8112,51413 |\n")
        << QStringList{"Redis 6379 - - -", "Transmission 8112 - - -", "Transmission-51413 51413 - - -"}
        << QStringList();
    QTest::newRow("bold headers, host and container ports, host network")
        << QByteArray("| **Container Name** | **Service** | **Host Port** | **Container Port** | **Notes** |\n"
                      "|---|---|---|---|---|\n"
                      "| **freshrss** | FreshRSS | 8091 | 80 | |\n"
                      "| **broker** | Redis | - | 6379 | |\n"
                      "| **portainer** | Portainer | 8010, 9450 | 8000, 9443 | |\n"
                      "| **ha** | Home Assistant | Host network | Host network | |\n")
        << QStringList{"FreshRSS 8091>80 - - - [freshrss]", "Redis 0>6379 - - internal [broker]",
                       "Portainer 8010>8000 - - - [portainer]", "Portainer-9450 9450>9443 - - - [portainer]",
                       "Home Assistant 0 - - - [ha]"}
        << QStringList{"6:29 \"Host network\" is not a port (1-65535); the row is kept without it.",
                       "6:44 \"Host network\" is not a port (1-65535); the row is kept without it."};
    QTest::newRow("Service | Path | Port with code spans and n/a")
        << QByteArray("# homelab\n\n## Docker Containers\n| Service | Path | Port |\n| :--- |:---:| :---:|\n"
                      "| Cloudflared | [source](dc/cloudflared/) | `n/a` |\n| Authentik | [source](dc/authentik/) | `1000` |\n")
        << QStringList{"Cloudflared 0 - - -", "Authentik 1000 - - -"}
        << QStringList{"4:1 The column \"path\" is not one Portolan knows; its cells are kept in the services' notes."};
    QTest::newRow("Port | Protocol | Service, TCP/UDP")
        << QByteArray("# Port usage\n\n## Used ports\n\n| Port | Protocol | Service | Description |\n"
                      "|------|----------|---------|-------------|\n| 53 | TCP/UDP | Pi-hole | DNS |\n"
                      "| 123 | UDP | ntp | time |\n| 80 | TCP | Nginx | HTTP |\n")
        << QStringList{"Pi-hole 53 - - -", "ntp 123/udp - - -", "Nginx 80 - - -"} << QStringList();
    QTest::newRow("German: Port | Protokoll | Dienst, 67/68, (intern)")
        << QByteArray("# Wichtige Ports\n\n## Standard-Ports\n\n| Port | Protokoll | Dienst |\n|---|---|---|\n"
                      "| 22 | TCP | SSH |\n| 67/68 | UDP | DHCP |\n| 53 | TCP/UDP | DNS |\n\n"
                      "## Homelab-spezifische Ports\n\n| Port | Dienst |\n|---|---|\n| 3000 | Wiki (intern) |\n"
                      "| 8000 | Paperless-ngx |\n")
        << QStringList{"SSH 22 - - -",     "DHCP 67/udp - - -", "DHCP-68 68/udp - - -",
                       "DNS 53 - - -",     "Wiki 3000 - - internal", "Paperless-ngx 8000 - - -"}
        << QStringList();
    QTest::newRow("Used ports: Port | Service | Type, one service on several ports")
        << QByteArray("## Used ports\n\n| Port | Service | Type |\n|---|---|---|\n| 53 | Pi-hole | DNS |\n"
                      "| 80 | Traefik | Entrypoint-HTTP |\n| 443 | Traefik | Entrypoint-HTTPS |\n")
        << QStringList{"Pi-hole 53 - - -", "Traefik 80 - - -", "Traefik 443 - - -"}
        << QStringList(); // "Type" is read: TCP or UDP as the protocol, anything else kept in the notes
    QTest::newRow("port ranges as a bullet list after the table")
        << QByteArray("# Port Allocation\n\n| Service | Port | Status |\n|---|---|---|\n| web (dev) | 4321 | Active |\n"
                      "| api | 8000 | Active |\n\n## Port Ranges\n\n- **4000-4999**: Development servers\n")
        << QStringList{"web (dev) 4321 - - -", "api 8000 - - -"} << QStringList();
    QTest::newRow("port in parentheses after a bold name")
        << QByteArray("# Homelab\n\n## Services\n\n**Apps**\n- **n8n** (5678) - Workflow automation.\n"
                      "- **Gitea** (port 3000)\n")
        << QStringList{"n8n 5678 - - -", "Gitea 3000 - - -"} << QStringList();
    QTest::newRow("URLs with ports in a list")
        << QByteArray("# Services\n\n### Media\n- Jellyfin: http://localhost:4000 (Media streaming)\n"
                      "- Immich: http://localhost:4004/ (Photo backup)\n")
        << QStringList{"Jellyfin 4000 - - -", "Immich 4004 - - -"} << QStringList();
    QTest::newRow("internal network and host access tables")
        << QByteArray("# Ports\n\n## Container-to-Container (Internal Network)\n\n| Service | Internal Port | URL |\n"
                      "|---|---|---|\n| MLflow | 5000 | http://mlflow:5000 |\n\n## Host Access\n\n"
                      "| Service | Host Port | URL |\n|---|---|---|\n| MLflow | 5001 | http://localhost:5001 |\n")
        << QStringList{"MLflow 5000 - - internal", "MLflow 5001 - - -"} << QStringList();
}

void tst_MarkdownShapes::shouldReadShapesSeenInPublicDocs()
{
    shouldReadTheShape();
}

void tst_MarkdownShapes::shouldRefuseWhatIsNotMarkdown_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("empty") << QByteArray() << 1 << "empty";
    QTest::newRow("whitespace only") << QByteArray("  \n\n\t\n") << 1 << "empty";
    QTest::newRow("compose YAML") << QByteArray("\nservices:\n  web:\n    image: nginx\n    ports:\n      - \"80:80\"\n")
                                  << 2 << "no Markdown heading, table or list";
    QTest::newRow("compose YAML under a comment")
        << QByteArray("# Compose file of nas01\nservices:\n  web:\n    image: nginx\n    ports:\n      - \"80:80\"\n")
        << 2 << "looks like YAML";
    QTest::newRow("file_sd YAML list") << QByteArray("# targets\n- targets: ['a:9100']\n  labels:\n    job: node\n")
                                       << 2 << "looks like YAML";
    QTest::newRow("prose only") << QByteArray("Just a sentence about port 80.\n") << 1 << "does not look like";
}

void tst_MarkdownShapes::shouldRefuseWhatIsNotMarkdown()
{
    QFETCH(QByteArray, input);
    QFETCH(int, line);
    QFETCH(QString, fragment);
    ParseError error;
    QVERIFY(!importMarkdown(input, &error));
    QCOMPARE(error.file, QStringLiteral("ports.md"));
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, 1);
    QVERIFY2(error.message.contains(fragment), qPrintable(error.message));
}

void tst_MarkdownShapes::shouldSumUpWhatWasRead()
{
    ParseError error;
    const std::optional<ReadResult> result = importMarkdown(
        "# P\n\n| Service | Port |\n|---|---|\n| a | x |\n| b | 2 |\n\n- c: 3\n- d: 4\n", &error);
    QVERIFY2(result, qPrintable(error.toString()));
    QVERIFY(!result->warnings.isEmpty());
    QCOMPARE(result->warnings.last().line, 0);
    const QString summary = result->warnings.last().message;
    QVERIFY2(summary.startsWith(QStringLiteral("Summary: 4 service")), qPrintable(summary));
    QVERIFY2(summary.endsWith(QStringLiteral("read; tables read: 1, lists read: 1, parts skipped: 1.")),
             qPrintable(summary));
}

void tst_MarkdownShapes::shouldKeepWhatATypeColumnSays()
{
    ParseError error;
    const std::optional<ReadResult> result =
        importMarkdown("## Used ports\n\n| Port | Service | Type |\n|---|---|---|\n| 53 | dns | UDP |\n| 80 | web | HTTP |\n",
                       &error);
    QVERIFY2(result, qPrintable(error.toString()));
    QCOMPARE(result->schema.services.size(), 2);
    QCOMPARE(result->schema.services.at(0).protocol, Protocol::Udp);
    QCOMPARE(result->schema.services.at(0).notes, QString());
    QCOMPARE(result->schema.services.at(1).protocol, Protocol::Tcp);
    QCOMPARE(result->schema.services.at(1).notes, QStringLiteral("Type: HTTP"));
}

void tst_MarkdownShapes::shouldGiveUniqueIdsToManyEqualNamesQuickly()
{
    // Counting on from the last suffix per name: linear, not quadratic.
    QByteArray doc = "# P\n\n## 1-65535: All\n\n| Port | Service |\n|---|---|\n";
    QByteArray hosts = "# P\n\n> ### Real ports today\n>\n";
    const int n = 20000;
    for (int i = 0; i < n; ++i) {
        doc += "| " + QByteArray::number(i % 65535 + 1) + " | same |\n";
        hosts += "> **Host:**\n";
    }
    ParseError error;
    std::optional<ReadResult> result = importMarkdown(doc, &error);
    QVERIFY2(result, qPrintable(error.toString()));
    QCOMPARE(result->schema.services.size(), n);
    QCOMPARE(result->schema.services.at(1).id, QStringLiteral("same-2"));
    QCOMPARE(result->schema.services.last().id, QStringLiteral("same-%1").arg(n));
    result = importMarkdown(hosts, &error);
    QVERIFY2(result, qPrintable(error.toString()));
    QCOMPARE(result->schema.hosts.size(), n);
    QCOMPARE(result->schema.hosts.last().id, QStringLiteral("host-%1").arg(n));
}

void tst_MarkdownShapes::shouldImportWithWarningsThroughTheCommandLine()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto write = [&](const QString &name, const QByteArray &bytes) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    };
    write(QStringLiteral("ports.md"), "# P\n\n| Service | Port |\n|---|---|\n| a | 80 / x |\n");
    write(QStringLiteral("compose.md"), "services:\n  web:\n    image: nginx\n");
    QProcess p;
    p.start(QStringLiteral(PORTOLAN_BINARY), {QStringLiteral("import"), dir.filePath(QStringLiteral("ports.md")),
                                              QStringLiteral("--from"), QStringLiteral("markdown"), QStringLiteral("-o"),
                                              dir.filePath(QStringLiteral("out.portolan.json"))});
    QVERIFY(p.waitForFinished(30000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QCOMPARE(p.exitCode(), 0);
    QVERIFY2(err.contains(QStringLiteral("ports.md:5:12: \"x\" is not a port")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("Summary: 1 service")), qPrintable(err));

    p.start(QStringLiteral(PORTOLAN_BINARY), {QStringLiteral("import"), dir.filePath(QStringLiteral("compose.md")),
                                              QStringLiteral("--from"), QStringLiteral("markdown"), QStringLiteral("-o"),
                                              dir.filePath(QStringLiteral("out2.portolan.json"))});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(QStringLiteral("compose.md:1:1:")));
}

void tst_MarkdownShapes::shouldReadATenMegabyteDocQuickly_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QByteArray>("row"); // %1: a number
    QTest::newRow("layout") << QByteArray("# Big\n\n## 1-65535: All\n\n| Port | Service | Description |\n|---|---|---|\n")
                            << QByteArray("| %2 | service-%1 | a description of this service, long enough |\n");
    QTest::newRow("shapes") << QByteArray("# Big\n\n| Service | Host Port | Container Port |\n|---|---|---|\n")
                            << QByteArray("| service-%1 | %2 / %3 | 80 |\n");
}

void tst_MarkdownShapes::shouldReadATenMegabyteDocQuickly()
{
    QFETCH(QByteArray, head);
    QFETCH(QByteArray, row);
    QByteArray doc = head;
    int rows = 0;
    while (doc.size() < 10 * 1024 * 1024) {
        doc += QByteArray(row)
                   .replace("%1", QByteArray::number(rows))
                   .replace("%2", QByteArray::number(rows % 65535 + 1))
                   .replace("%3", QByteArray::number((rows + 7) % 65535 + 1));
        ++rows;
    }
    QElapsedTimer timer;
    timer.start();
    ParseError error;
    const std::optional<ReadResult> result = importMarkdown(doc, &error);
    const qint64 ms = timer.elapsed();
    QVERIFY2(result, qPrintable(error.toString()));
    QVERIFY(result->schema.services.size() >= rows);
    // The whole document is read; its speed is measured by bench_markdown
    // (median of repeats), not bounded here, where the machine's load decides.
    qInfo("%d rows, %lld bytes: %lld ms", rows, qint64(doc.size()), ms);
}

QTEST_GUILESS_MAIN(tst_MarkdownShapes)
#include "tst_markdownshapes.moc"
