// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "identityprovidermodel.h"
#include "providerfiltermodel.h"

#include "discovery/authmetadatafetch.h"
#include "discovery/homeserverdiscovery.h"
#include "discovery/loginflowsfetch.h"
#include "discovery/providercache.h"
#include "matrix/httpcall.h"
#include "matrix/loginflows.h"
#include "oauth/authmetadata.h"

#include <QObject>
#include <QTimer>

#include <optional>

class QNetworkAccessManager;

namespace Portico::Ui {

// From what the user types to a checked homeserver and how it signs people in: the debounced
// quiet lookup while typing, the lookup on Continue, the provider cache and its quiet
// revalidation, and the provider models the pages show. Knows nothing of signing in.
// The OAuth 2.0 API's metadata (auth_metadata) is asked beside GET /login: when the server
// offers it, that is how it signs people in (digest §7), and the legacy flows stay a fallback.
class ServerLookup : public QObject
{
    Q_OBJECT
public:
    ServerLookup(QNetworkAccessManager &network, QObject *parent = nullptr);

    // The user is typing: look the server up quietly once they pause.
    void edit(const QString &text);
    // The user asked to continue with `text`: chosen() (at once when known), or failed().
    void submit(const QString &text);
    void cancel();
    // The latest answer of a quiet revalidation, once revised() said it differs.
    void showRevised();
    void setDebounceInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds debounceInterval() const;

    bool busy() const { return m_busy; }
    QString serverText() const { return m_serverText; }
    QString status() const { return m_status; }
    // The server chosen, once chosen() was emitted.
    const std::optional<Discovery::Homeserver> &homeserver() const { return m_homeserver; }
    const Matrix::LoginFlows &flows() const { return m_flows; }
    // The chosen server's OAuth 2.0 metadata, when it offers that API.
    const std::optional<OAuth::AuthMetadata> &oauth() const { return m_oauth; }
    QString suggestedUser() const { return m_suggestedUser; }
    // After a lookup the user asked for failed because a server on this machine speaks plain
    // http where https was tried: that http:// address, to offer (empty otherwise). Cleared by
    // the next edit or lookup.
    QString plainHttpOffer() const { return m_plainHttpOffer; }
    IdentityProviderModel *providers() { return &m_providers; }
    const IdentityProviderModel &providers() const { return m_providers; }
    ProviderFilterModel *filteredProviders() { return &m_filtered; }
    Discovery::ProviderCache &cache() { return m_cache; }

Q_SIGNALS:
    void busyChanged();
    void serverTextChanged();
    void statusChanged();
    void homeserverChanged();
    void plainHttpOfferChanged();
    // The user's server is known, with its flows: show how to sign in.
    void chosen();
    // What the user asked for could not be looked up.
    void failed(const QString &sentence);
    // Shown from the cache, asked again quietly: the server answered something else.
    void revised();
    // Shown from the cache, asked again quietly: the server could not be asked.
    void revalidationFailed(const QString &sentence);

private:
    struct Found
    {
        QString text;
        Discovery::Homeserver homeserver;
        Matrix::LoginFlows flows;
        std::optional<OAuth::AuthMetadata> oauth;
    };
    // The two answers asked at once for a discovered server, until both are in.
    struct Probe
    {
        QString text;
        Discovery::Homeserver homeserver;
        std::optional<Matrix::Expected<Matrix::LoginFlows, Matrix::Error>> flows;
        std::optional<Discovery::AuthMetadataFetch::Result> metadata;
    };
    void onProbed();
    void setBusy(bool busy);
    void setStatus(const QString &text);
    void setServerText(const QString &text);
    void setPlainHttpOffer(const QString &url);
    void lookUpQuietly();
    void start(const Discovery::ServerInput &input, const QString &text, bool navigate);
    void onDiscovered(const Discovery::Homeserver &homeserver);
    void onDiscoveryFailed(const Discovery::DiscoveryError &error);
    void onFlows(const Found &found);
    // A quiet check of cached providers failed: false when no such check was running.
    bool failRevalidation(const QString &why);
    void show(const Found &found);
    bool sameChoices(const Found &found) const;

    QNetworkAccessManager &m_network;
    Discovery::HomeserverDiscovery m_discovery;
    Discovery::LoginFlowsFetch m_flowsCall;
    Discovery::AuthMetadataFetch m_metadataFetch;
    std::optional<Probe> m_probe;
    Discovery::ProviderCache m_cache;
    QTimer m_debounce;
    IdentityProviderModel m_providers;
    ProviderFilterModel m_filtered;
    std::optional<Found> m_prefetched;
    std::optional<Discovery::Homeserver> m_homeserver;
    Matrix::LoginFlows m_flows;
    std::optional<OAuth::AuthMetadata> m_oauth;
    QString m_suggestedUser;
    QString m_plainHttpOffer;
    QString m_serverText;
    QString m_lookupText; // what the lookup under way is for
    QString m_revalidating; // shown from the cache, being asked again
    QString m_status;
    bool m_navigate = false; // the lookup under way was asked for (Continue), not typed
    bool m_busy = false;
};

} // namespace Portico::Ui
