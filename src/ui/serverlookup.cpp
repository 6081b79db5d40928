// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverlookup.h"

#include "usermessages.h"

#include "discovery/serverinput.h"
#include "matrix/logging.h"

namespace Portico::Ui {

ServerLookup::ServerLookup(QNetworkAccessManager &network, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_discovery(network)
    , m_metadataFetch(network)
{
    connect(&m_discovery, &Discovery::HomeserverDiscovery::discovered, this,
        &ServerLookup::onDiscovered);
    connect(&m_discovery, &Discovery::HomeserverDiscovery::failed, this,
        &ServerLookup::onDiscoveryFailed);
    m_filtered.setSourceModel(&m_providers);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(600);
    connect(&m_debounce, &QTimer::timeout, this, &ServerLookup::lookUpQuietly);
}

void ServerLookup::setDebounceInterval(std::chrono::milliseconds interval)
{
    m_debounce.setInterval(interval);
}

std::chrono::milliseconds ServerLookup::debounceInterval() const
{
    return m_debounce.intervalAsDuration();
}

void ServerLookup::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

void ServerLookup::setStatus(const QString &text)
{
    if (m_status == text)
        return;
    m_status = text;
    Q_EMIT statusChanged();
}

void ServerLookup::setServerText(const QString &text)
{
    if (m_serverText == text)
        return;
    m_serverText = text;
    Q_EMIT serverTextChanged();
}

void ServerLookup::setPlainHttpOffer(const QString &url)
{
    if (m_plainHttpOffer == url)
        return;
    m_plainHttpOffer = url;
    Q_EMIT plainHttpOfferChanged();
}

void ServerLookup::edit(const QString &text)
{
    setServerText(text);
    setPlainHttpOffer({});
    setStatus({});
    m_debounce.start(); // a quiet lookup once the user pauses
}

void ServerLookup::cancel()
{
    m_debounce.stop();
    m_discovery.cancel();
    m_flowsCall.cancel();
    m_metadataFetch.cancel();
    m_probe.reset();
    m_revalidating.clear();
    setBusy(false);
}

void ServerLookup::submit(const QString &text)
{
    m_debounce.stop();
    setServerText(text);
    setPlainHttpOffer({});
    const auto input = Discovery::parseServerInput(text);
    if (!input) {
        cancel();
        Q_EMIT failed(input.error());
        return;
    }
    const QString trimmed = text.trimmed();
    if (m_prefetched && m_prefetched->text == trimmed) {
        show(*m_prefetched);
        return;
    }
    if (const auto cached = m_cache.lookup(text)) {
        // Shown at once as last time, asked again quietly, and replaced if it changed.
        show({trimmed, cached->homeserver, cached->flows, cached->oauth});
        start(input.value(), trimmed, false);
        m_revalidating = trimmed;
        return;
    }
    if (m_lookupText == trimmed && (m_discovery.isRunning() || m_probe)) {
        m_navigate = true; // the quiet lookup already under way will do
        setBusy(true);
        return;
    }
    start(input.value(), trimmed, true);
}

void ServerLookup::lookUpQuietly()
{
    const auto input = Discovery::parseServerInput(m_serverText);
    if (!input || (m_prefetched && m_prefetched->text == m_serverText.trimmed()))
        return;
    start(input.value(), m_serverText.trimmed(), false);
}

void ServerLookup::start(const Discovery::ServerInput &input, const QString &text, bool navigate)
{
    m_flowsCall.cancel(); // whatever flows request is in flight is stale now
    m_metadataFetch.cancel();
    m_probe.reset();
    m_lookupText = text;
    m_navigate = navigate;
    setBusy(navigate);
    if (!navigate)
        setStatus(lookingUpText(text));
    m_discovery.start(input);
}

void ServerLookup::onDiscoveryFailed(const Discovery::DiscoveryError &error)
{
    setBusy(false);
    if (m_navigate) {
        setPlainHttpOffer(error.error.plainHttpUrl.toString());
        Q_EMIT failed(describeDiscoveryError(error));
    } else if (!failRevalidation(describeDiscoveryError(error)))
        setStatus({}); // while typing, a failure is no news
}

bool ServerLookup::failRevalidation(const QString &why)
{
    if (m_revalidating.isEmpty() || std::exchange(m_revalidating, {}) != m_lookupText)
        return false;
    setStatus({});
    // The saved buttons stay usable (the server may only be slow), but the user should know
    // they were not confirmed: a provider removed since would fail in the browser.
    Q_EMIT revalidationFailed(revalidationFailedText(why));
    return true;
}

void ServerLookup::onDiscovered(const Discovery::Homeserver &homeserver)
{
    m_probe = Probe{m_lookupText, homeserver, std::nullopt, std::nullopt};
    m_flowsCall.start(m_network, homeserver, [this](const auto &result) {
        m_probe->flows = result;
        onProbed();
    });
    m_metadataFetch.fetch(homeserver, [this](const Discovery::AuthMetadataFetch::Result &result) {
        m_probe->metadata = result;
        onProbed();
    });
}

void ServerLookup::onProbed()
{
    if (!m_probe || !m_probe->flows || !m_probe->metadata)
        return;
    const Probe probe = *std::exchange(m_probe, std::nullopt);
    std::optional<OAuth::AuthMetadata> oauth;
    if (*probe.metadata)
        oauth = probe.metadata->value();
    else // a broken document is no OAuth API: the legacy flows, if any, still sign in
        qCWarning(lcUi) << "unusable auth_metadata:" << probe.metadata->error().describe();
    const auto &flows = *probe.flows;
    if (!flows && !oauth) {
        setBusy(false);
        if (m_navigate)
            Q_EMIT failed(flowsUnreadableText(flows.error()));
        else if (!failRevalidation(flows.error().describe()))
            setStatus({});
        return;
    }
    setBusy(false);
    // An OAuth-only server (GET /login gone, 404 M_UNRECOGNIZED) still signs in through OAuth.
    onFlows({probe.text, probe.homeserver, flows ? flows.value() : Matrix::LoginFlows{}, oauth});
}

void ServerLookup::onFlows(const Found &found)
{
    m_prefetched = found;
    m_cache.store(found.text, found.homeserver, found.flows, found.oauth);
    if (!m_navigate && std::exchange(m_revalidating, {}) == found.text) {
        setStatus({});
        if (!sameChoices(found))
            Q_EMIT revised();
        return;
    }
    if (m_navigate) {
        show(found);
        return;
    }
    setStatus(foundText(found.homeserver.baseUrl, found.flows));
}

void ServerLookup::showRevised()
{
    if (m_prefetched)
        show(*m_prefetched);
}

bool ServerLookup::sameChoices(const Found &found) const
{
    return m_homeserver && m_homeserver->baseUrl == found.homeserver.baseUrl
        && m_flows.identityProviders == found.flows.identityProviders
        && m_flows.sso == found.flows.sso && m_flows.cas == found.flows.cas
        && m_flows.password == found.flows.password
        && m_oauth.has_value() == found.oauth.has_value()
        && (!m_oauth || m_oauth->canCreateAccount() == found.oauth->canCreateAccount());
}

void ServerLookup::show(const Found &found)
{
    const auto input = Discovery::parseServerInput(found.text);
    m_suggestedUser = input ? input->userId : QString();
    m_homeserver = found.homeserver;
    m_flows = found.flows;
    m_oauth = found.oauth;
    m_providers.setProviders(m_flows.identityProviders, found.homeserver.baseUrl);
    m_filtered.setFilterText({});
    Q_EMIT homeserverChanged();
    setStatus({});
    Q_EMIT chosen();
}

} // namespace Portico::Ui
