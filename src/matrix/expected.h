// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <utility>
#include <variant>

namespace Portico::Matrix {

// The error half of an Expected, so that `return Unexpected{err};` reads as what it is.
template<typename E> struct Unexpected
{
    E error;
};
template<typename E> Unexpected(E) -> Unexpected<E>;

// A value or a typed error. C++20 has no std::expected; this is the small part of it we use.
template<typename T, typename E> class Expected
{
public:
    Expected(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {}
    Expected(Unexpected<E> unexpected)
        : m_data(std::in_place_index<1>, std::move(unexpected.error))
    {}

    bool hasValue() const { return m_data.index() == 0; }
    explicit operator bool() const { return hasValue(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T *operator->() const { return &value(); }
    const T &operator*() const { return value(); }

    const E &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, E> m_data;
};

} // namespace Portico::Matrix
