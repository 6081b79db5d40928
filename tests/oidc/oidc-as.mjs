// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// An OAuth 2.0 authorisation server we did not write (panva's oidc-provider) configured the way a
// Matrix homeserver's authorisation server is: dynamic client registration (RFC 7591) for native
// apps, PKCE S256 required, refresh tokens for native clients, revocation (RFC 7009),
// introspection (RFC 7662) for the homeserver, the device flow (RFC 8628), and the Matrix scopes.
// oidc-provider drops requested scopes it does not know; the Matrix scopes survive as the scopes
// of one resource server (resource indicators with a default resource), whose scope list grows
// with every device scope a client asks for.
//   node oidc-as.mjs <oidc-provider folder> <port> <account> <homeserver client secret>
//       [lifetime of access tokens from a code or device code in seconds, 300]
// Signs in one fixed account. Prints "listening <issuer>" when it accepts requests, then one line
// per request to the endpoints that matter ("registration 201", "token authorization_code 200",
// "revocation refresh_token <sha256 of the token, 16 hex> 200", "introspection true", ...).
import { createHash } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [dir, port, account, homeserverSecret, ttl] = process.argv.slice(2);
const accessTokenSeconds = Number(ttl || 300);
const { default: Provider } = await import(
    pathToFileURL(path.join(dir, 'node_modules', 'oidc-provider', 'lib', 'index.js')).href);

const issuer = `http://127.0.0.1:${port}`;
const resource = 'urn:matrix:client'; // the Matrix client-server API, as one resource server
const apiScopes = ['urn:matrix:client:api:*', 'urn:matrix:org.matrix.msc2967.client:api:*'];
const deviceScope = /^urn:matrix:(client|org\.matrix\.msc2967\.client):device:[A-Za-z0-9._~-]{10,}$/;
const deviceScopes = new Set(); // every device scope asked for so far
const digest = (token) => createHash('sha256').update(token || '').digest('hex').slice(0, 16);

const provider = new Provider(issuer, {
    clients: [{
        // The homeserver: it only introspects.
        client_id: 'homeserver',
        client_secret: homeserverSecret,
        grant_types: [],
        response_types: [],
        redirect_uris: [],
        token_endpoint_auth_method: 'client_secret_basic',
    }],
    findAccount: async (ctx, sub) => ({ accountId: sub, claims: async () => ({ sub }) }),
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['portico-test-cookie-key'] },
    pkce: { required: () => true },
    // Revoking the refresh token leaves the access token alone, so that each revocation shows.
    revokeGrantPolicy: () => false,
    // Native clients get refresh tokens without offline_access (which is an OpenID scope).
    issueRefreshToken: async (ctx, client) => client.grantTypeAllowed('refresh_token'),
    features: {
        devInteractions: { enabled: false },
        registration: { enabled: true },
        revocation: { enabled: true },
        introspection: { enabled: true },
        deviceFlow: { enabled: true },
        resourceIndicators: {
            enabled: true,
            defaultResource: async () => resource,
            useGrantedResource: async () => true,
            getResourceServerInfo: async (ctx, indicator) => {
                if (indicator !== resource)
                    throw new Error(`unknown resource ${indicator}`);
                for (const scope of (ctx.oidc.params?.scope || '').split(' '))
                    if (deviceScope.test(scope))
                        deviceScopes.add(scope);
                // Refreshed access tokens live 300 s, so that only the first one expires
                // while a test waits for it.
                const refreshed = ctx.oidc.params?.grant_type === 'refresh_token';
                return {
                    scope: [...apiScopes, ...deviceScopes].join(' '),
                    accessTokenFormat: 'opaque',
                    accessTokenTTL: refreshed ? 300 : accessTokenSeconds,
                };
            },
        },
    },
});
provider.proxy = false;

// One line per request to the endpoints the tests look at.
provider.use(async (ctx, next) => {
    await next();
    const route = ctx.oidc?.route;
    const params = ctx.oidc?.params || {};
    if (route === 'registration')
        console.log(`registration ${ctx.status}${ctx.status >= 400 ? ' ' + JSON.stringify(ctx.body) : ''}`);
    else if (route === 'token')
        console.log(`token ${params.grant_type} ${ctx.status}${ctx.status >= 400 ? ' ' + JSON.stringify(ctx.body) : ''}`);
    else if (route === 'revocation')
        console.log(`revocation ${params.token_type_hint || '-'} ${digest(params.token)} ${ctx.status}`);
    else if (route === 'introspection')
        console.log(`introspection ${ctx.body?.active === true}`);
    else if (route === 'authorization' && ctx.status >= 400)
        console.log(`authorization ${ctx.status}`);
});

// The interaction: a page that signs in as `account` (login), then one that grants what the
// client asked for (consent). Each has a link marked id="continue", which the scripted browser
// follows and a real browser clicks.
const page = (uid, prompt) => `<!doctype html>
<html><head><title>Test authorisation server</title></head><body>
<p>${prompt === 'login' ? `Sign in as ${account}` : `Allow Portico to use your account ${account}`}</p>
<a id="continue" href="/interaction/${uid}/${prompt}">Continue</a>
<script>document.getElementById('continue').click();</script>
</body></html>`;

const callback = provider.callback();
const server = http.createServer(async (req, res) => {
    const match = req.url.match(/^\/interaction\/([^/?]+)(?:\/(login|consent))?/);
    if (!match) {
        callback(req, res);
        return;
    }
    try {
        const details = await provider.interactionDetails(req, res);
        const prompt = details.prompt.name;
        if (!match[2]) {
            res.setHeader('Content-Type', 'text/html; charset=utf-8');
            res.end(page(details.uid, prompt));
            return;
        }
        if (match[2] !== prompt)
            throw new Error(`expected the ${prompt} step`);
        let result;
        if (prompt === 'login') {
            result = { login: { accountId: account } };
        } else {
            const grant = details.grantId
                ? await provider.Grant.find(details.grantId)
                : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
            const missing = details.prompt.details;
            if (missing.missingOIDCScope)
                grant.addOIDCScope(missing.missingOIDCScope.join(' '));
            for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes || {}))
                grant.addResourceScope(indicator, scopes.join(' '));
            result = { consent: { grantId: await grant.save() } };
        }
        console.log(`interaction ${prompt}`);
        await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: true });
    } catch (error) {
        res.statusCode = 400;
        res.end(String(error));
    }
});
server.listen(Number(port), '127.0.0.1', () => console.log(`listening ${issuer}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
