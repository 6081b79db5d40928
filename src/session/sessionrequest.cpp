// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionrequest.h"

#include "matrix/endpoint.h"

namespace Portico::Session {

Matrix::HttpRequest sessionRequest(const Session &session, QStringView encodedPath)
{
    Matrix::HttpRequest request;
    request.url = Matrix::endpoint(session.baseUrl, encodedPath);
    request.accessToken = session.accessToken;
    request.allowPlainHttp = session.plainHttpAllowed;
    request.maxRedirects = 0;
    return request;
}

Matrix::HttpHandler doneOrError(DoneHandler handler)
{
    return [handler = std::move(handler)](const auto &result) {
        if (!result) {
            handler(Matrix::Unexpected{result.error()});
            return;
        }
        handler(true);
    };
}

} // namespace Portico::Session
