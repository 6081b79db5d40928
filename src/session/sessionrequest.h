// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session.h"

#include "matrix/httpcall.h"

#include <QStringView>

#include <functional>

namespace Portico::Session {

// A request of the session's own: `encodedPath` at its bound base URL, with its access token
// (and plain http only when the user chose it). Never follows a redirect: that would carry the
// token to wherever it points.
Matrix::HttpRequest sessionRequest(const Session &session, QStringView encodedPath);

// For requests whose answer says only that they were done: true, or the error.
using DoneHandler = std::function<void(const Matrix::Expected<bool, Matrix::Error> &)>;
Matrix::HttpHandler doneOrError(DoneHandler handler);

} // namespace Portico::Session
