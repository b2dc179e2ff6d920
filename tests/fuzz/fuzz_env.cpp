// Env files: read as a linked source of the Mac Mini (URLs in values) and as
// the .env that a compose project interpolates from.
#include "fuzz.h"

#include "composeformat.h"

using namespace Portolan;

namespace {

// A compose file whose every port, host and URL comes from the .env.
const char compose[] = R"(services:
  app:
    image: "${IMAGE:-app}:${TAG-latest}"
    container_name: ${APP_NAME:-app}
    ports:
      - "${APP_PORT:-3000}:${APP_INNER:-80}"
      - "${BIND:-127.0.0.1}:${METRICS_PORT}:9090/${PROTO:-tcp}"
      - "${RANGE_FROM}-${RANGE_TO}:${RANGE_FROM}-${RANGE_TO}"
    environment:
      DATABASE_URL: "postgres://${DB_HOST:-db}:${DB_PORT:-5432}/app"
      API_URL: ${API_URL}
    labels:
      traefik.http.services.app.loadbalancer.server.port: "${APP_INNER}"
  db:
    image: postgres
    profiles: ["${DB_PROFILE:-db}"]
    ports: ["${DB_PORT:-5432}:5432"]
)";

} // namespace

PORTOLAN_FUZZ_TARGET
{
    const QString envFile = Fuzz::writeInput(QStringLiteral(".env"),
                                             QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    Fuzz::readAndApply(SourceKind::Env, envFile, "env");
    const QVariantMap extra{{QStringLiteral("environment"), QVariantMap()}, {QStringLiteral("envFile"), envFile}};
    Fuzz::readAndMerge(ComposeFormat(), QByteArray(compose), QStringLiteral("docker-compose.yml"), extra, "env");
    return 0;
}
