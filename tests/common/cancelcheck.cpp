// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cancelcheck.h"

#include "matrix/httpcall.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

namespace {
constexpr int Timeout = 15000;

qsizetype hitsOf(const DevServer &server, const QString &path)
{
    qsizetype hits = 0;
    for (const auto &request : server.requestLog())
        hits += request.path == path ? 1 : 0;
    return hits;
}
} // namespace

void addCancelRows(const QStringList &paths)
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("when");
    for (const QString &path : paths) {
        const QByteArray name = path.section(u'/', -1).toUtf8();
        QTest::addRow("%s in flight", name.constData()) << path << int(CancelWhen::InFlight);
        QTest::addRow("%s 429 retry planned", name.constData())
            << path << int(CancelWhen::RetryPlanned);
    }
}

int requestsAfterCancel(QNetworkAccessManager &network, DevServer &server, const QString &path,
    CancelWhen when, const std::function<void()> &start, const std::function<void()> &cancel)
{
    DevServer::Config::Fault fault;
    if (when == CancelWhen::InFlight) {
        fault.latencyMs = 300; // then answered as usual
    } else {
        fault.status = 429;
        // 50 ms (the body's retry_after_ms; the header counts whole seconds): the witness's own
        // retry, planned after the cancelled one's, proves that one would have been sent.
        fault.body
            = R"({"errcode":"M_LIMIT_EXCEEDED","error":"Too many requests","retry_after_ms":50})";
        fault.times = 2; // the request under test, and the witness's first try
    }
    server.setFault(path, fault);
    // Every handler of a finished reply has run when the manager's finished() returns: once
    // the 429 to `path` is seen there, the retry is planned.
    int answered = 0;
    const QUrl at = server.baseUrl().resolved(QUrl(path));
    const auto counting = QObject::connect(&network, &QNetworkAccessManager::finished,
        [&](QNetworkReply *reply) { answered += reply->url() == at ? 1 : 0; });
    start();
    const bool reached = QTest::qWaitFor([&] { return hitsOf(server, path) > 0; }, Timeout)
        && (when == CancelWhen::InFlight || QTest::qWaitFor([&] { return answered > 0; }, Timeout));
    QObject::disconnect(counting);
    if (!reached)
        return -1;
    cancel();
    const qsizetype atCancel = server.requestLog().size();

    Portico::Matrix::HttpRequest request;
    request.url = at;
    bool witnessed = false;
    const Portico::Matrix::Call witness
        = Portico::Matrix::startCall(network, request, [&](const auto &) { witnessed = true; });
    if (!QTest::qWaitFor([&] { return witnessed; }, Timeout))
        return -1;
    const int witnessRequests = when == CancelWhen::InFlight ? 1 : 2;
    return int(server.requestLog().size() - atCancel) - witnessRequests;
}
