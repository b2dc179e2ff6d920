#pragma once

#include <QHash>
#include <QSet>
#include <QString>

#include <cstring>

namespace Portolan {

// Ids and names as hash keys. Qt 6.4's qHash() of a text (its AES hash)
// takes about 110 ns for fewer than eight characters on this platform's
// x86-64 machines with AVX-512, and leaves the vector unit in a state that
// slows the code after it; most ids are that short ("nginx", "host-1"),
// and a fleet's analysis, reading and writing look them up millions of
// times. hashBytes() and hashText() mix eight bytes a step with multiplications instead
// (seeded by QHash's per-process seed): a few nanoseconds for an id.
inline size_t hashBytes(const void *data, size_t size, size_t seed = 0) noexcept
{
    auto mix = [](quint64 x) {
        x ^= x >> 30;
        x *= 0xbf58476d1ce4e5b9ULL;
        x ^= x >> 27;
        x *= 0x94d049bb133111ebULL;
        return x ^ (x >> 31);
    };
    const char *bytes = static_cast<const char *>(data);
    quint64 h = mix((quint64(seed) ^ 0x9e3779b97f4a7c15ULL) + size);
    size_t i = 0;
    for (; i + 8 <= size; i += 8) {
        quint64 word;
        std::memcpy(&word, bytes + i, 8);
        h = mix(h ^ word);
    }
    if (i < size) {
        quint64 word = 0;
        std::memcpy(&word, bytes + i, size - i);
        h = mix(h ^ word);
    }
    return size_t(h);
}

inline size_t hashText(QStringView text, size_t seed = 0) noexcept
{
    return hashBytes(text.data(), size_t(text.size()) * sizeof(QChar), seed);
}

// A QString as a key of QHash or QSet, hashed by hashText(). It converts
// from and to QString, so lookups take a QString as they are.
class TextKey
{
public:
    TextKey() = default;
    TextKey(const QString &text)
        : mText(text)
    {
    }
    TextKey(QString &&text)
        : mText(std::move(text))
    {
    }

    const QString &text() const { return mText; }
    operator const QString &() const { return mText; }

    // Keys are mostly shared copies of one text (a service's id in every
    // index): the same characters need no comparing.
    friend bool operator==(const TextKey &a, const TextKey &b) noexcept
    {
        return a.mText.size() == b.mText.size()
            && (a.mText.constData() == b.mText.constData() || a.mText == b.mText);
    }
    friend bool operator!=(const TextKey &a, const TextKey &b) noexcept { return !(a == b); }
    friend size_t qHash(const TextKey &key, size_t seed = 0) noexcept { return hashText(key.mText, seed); }

private:
    QString mText;
};

template<typename T>
using TextHash = QHash<TextKey, T>;
using TextSet = QSet<TextKey>;

} // namespace Portolan
