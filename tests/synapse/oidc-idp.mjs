// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// One OpenID Connect identity provider (panva's oidc-provider) on loopback for the real-Synapse
// tests. It signs in one fixed account. For the scripted browser (which runs no script) its
// interaction page finishes the login and the consent at once, so it only follows redirects. A
// real browser (Chromium: "Chrome/" in its User-Agent) gets a page with a form and a "Sign in"
// button that the page's script clicks, so the browser itself submits it (POST); each such
// submission prints "submitted <prompt> <account>".
//   node oidc-idp.mjs <oidc-provider folder> <port> <account> <client secret> <redirect URI>
// Prints "listening <issuer>" when it accepts requests.
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [dir, port, account, secret, redirectUri] = process.argv.slice(2);
const { default: Provider } = await import(
    pathToFileURL(path.join(dir, 'node_modules', 'oidc-provider', 'lib', 'index.js')).href);

const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
    clients: [{
        client_id: 'synapse',
        client_secret: secret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
    }],
    claims: { openid: ['sub'], profile: ['preferred_username', 'name'] },
    findAccount: async (ctx, sub) => ({
        accountId: sub,
        claims: async () => ({ sub, preferred_username: sub, name: sub }),
    }),
    features: { devInteractions: { enabled: false } },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['portico-test-cookie-key'] },
    pkce: { required: () => false },
});
provider.proxy = false;

const formPage = (uid, prompt) => `<!doctype html>
<html><head><title>Sign in to the test provider</title></head><body>
<form method="post" action="/interaction/${uid}/submit">
<p>Signing in as ${account} (${prompt})</p>
<button id="sign-in" type="submit">Sign in</button>
</form>
<script>document.getElementById('sign-in').click();</script>
</body></html>`;

const callback = provider.callback();
const server = (await import('node:http')).createServer(async (req, res) => {
    if (req.url.startsWith('/interaction/')) {
        try {
            const details = await provider.interactionDetails(req, res);
            const browser = /Chrome\//.test(req.headers['user-agent'] || '');
            if (browser && req.method === 'GET') {
                res.setHeader('Content-Type', 'text/html; charset=utf-8');
                res.end(formPage(details.uid, details.prompt.name));
                return;
            }
            if (browser) {
                for await (const chunk of req); // the form's body: nothing in it is needed
                console.log(`submitted ${details.prompt.name} ${account}`);
            }
            let result;
            if (details.prompt.name === 'login') {
                result = { login: { accountId: account } };
            } else {
                const grant = new provider.Grant({
                    accountId: details.session.accountId, clientId: details.params.client_id });
                grant.addOIDCScope(details.params.scope);
                result = { consent: { grantId: await grant.save() } };
            }
            await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
        } catch (error) {
            res.statusCode = 500;
            res.end(String(error));
        }
        return;
    }
    callback(req, res);
});
server.listen(Number(port), '127.0.0.1', () => console.log(`listening ${issuer}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
