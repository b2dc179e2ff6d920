#include "jsonreader.h"

#include "heap.h"

#include <QCoreApplication>

#include <array>
#include <charconv>
#include <cstring>
#include <limits>

namespace Portolan::Json {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::JsonFormat)
};

// Length of the well-formed UTF-8 sequence at p (at most end), 0 if none.
int utf8Length(const uchar *p, const uchar *end)
{
    const uchar c = *p;
    int n;
    char32_t min;
    if (c >= 0xc2 && c <= 0xdf) {
        n = 2;
        min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
        n = 3;
        min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
        n = 4;
        min = 0x10000;
    } else {
        return 0;
    }
    if (end - p < n)
        return 0;
    char32_t code = c & (0x7f >> n);
    for (int i = 1; i < n; ++i) {
        if ((p[i] & 0xc0) != 0x80)
            return 0;
        code = (code << 6) | (p[i] & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
        return 0;
    return n;
}

int hexValue(uchar c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

class Document::Parser
{
public:
    Parser(Document *document)
        : d(document)
        , mBegin(reinterpret_cast<const uchar *>(document->mData.constData()))
        , p(mBegin)
        , mEnd(mBegin + document->mData.size())
    {
    }

    bool run()
    {
        skipSpace();
        if (!value(0))
            return false;
        skipSpace();
        if (p != mEnd)
            return fail(Tr::tr("garbage at the end of the document"));
        return true;
    }

    qsizetype errorOffset() const { return mErrorOffset; }
    QString errorMessage() const { return mErrorMessage; }

private:
    bool fail(const QString &message)
    {
        mErrorOffset = p - mBegin;
        mErrorMessage = message;
        return false;
    }

    void skipSpace()
    {
        while (p < mEnd && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
            ++p;
    }

    // A node of the type whose text starts at `at`.
    int newNode(Type type, const uchar *at)
    {
        d->mNodes.push_back(Node{});
        d->mNodes.back().type = type;
        d->mNodes.back().length = quint32(at - mBegin); // a string's own fields replace it
        return int(d->mNodes.size() - 1);
    }

    bool literal(const char *word, Type type, bool boolean)
    {
        const size_t n = std::strlen(word);
        if (size_t(mEnd - p) < n || std::memcmp(p, word, n) != 0)
            return fail(Tr::tr("illegal value"));
        const int node = newNode(type, p);
        p += n;
        d->mNodes[node].boolean = boolean;
        return true;
    }

    bool value(int depth)
    {
        if (p >= mEnd)
            return fail(Tr::tr("unexpected end of the document"));
        switch (*p) {
        case '{': return object(depth + 1);
        case '[': return array(depth + 1);
        case '"': return string();
        case 't': return literal("true", Type::Bool, true);
        case 'f': return literal("false", Type::Bool, false);
        case 'n': return literal("null", Type::Null, false);
        default: return number();
        }
    }

    bool number()
    {
        const uchar *start = p;
        if (p < mEnd && *p == '-')
            ++p;
        if (p < mEnd && *p == '0') {
            ++p;
        } else if (p < mEnd && *p >= '1' && *p <= '9') {
            while (p < mEnd && *p >= '0' && *p <= '9')
                ++p;
        } else {
            p = start;
            return fail(Tr::tr("illegal value"));
        }
        if (p < mEnd && *p == '.') {
            ++p;
            if (p >= mEnd || *p < '0' || *p > '9')
                return fail(Tr::tr("illegal number"));
            while (p < mEnd && *p >= '0' && *p <= '9')
                ++p;
        }
        if (p < mEnd && (*p == 'e' || *p == 'E')) {
            ++p;
            if (p < mEnd && (*p == '+' || *p == '-'))
                ++p;
            if (p >= mEnd || *p < '0' || *p > '9')
                return fail(Tr::tr("illegal number"));
            while (p < mEnd && *p >= '0' && *p <= '9')
                ++p;
        }
        double number = 0;
        const auto [end, error] = std::from_chars(reinterpret_cast<const char *>(start),
                                                  reinterpret_cast<const char *>(p), number);
        if (error == std::errc::result_out_of_range) {
            p = start;
            return fail(Tr::tr("number out of range"));
        }
        if (error != std::errc() || end != reinterpret_cast<const char *>(p)) {
            p = start;
            return fail(Tr::tr("illegal number"));
        }
        const int node = newNode(Type::Number, start);
        d->mNodes[node].first = quint32(d->mNumbers.size());
        d->mNumbers.push_back(number);
        return true;
    }

    bool string()
    {
        ++p; // the opening quote
        const uchar *start = p;
        // The common case: no escapes, so the bytes stay where they are.
        // A table says which bytes end that case: a quote, a backslash, a
        // control character or the start of a non-ASCII character.
        static constexpr auto plain = [] {
            std::array<bool, 256> t{};
            for (int c = 0x20; c < 0x80; ++c)
                t[size_t(c)] = c != '"' && c != '\\';
            return t;
        }();
        while (p < mEnd && plain[*p])
            ++p;
        if (p < mEnd && *p == '"') {
            const int node = newNode(Type::String, start - 1);
            d->mNodes[node].first = quint32(start - mBegin);
            d->mNodes[node].length = quint32(p - start);
            ++p;
            return true;
        }
        // Escapes or non-ASCII: validate, and unescape into mUnescaped.
        QByteArray &out = d->mUnescaped;
        const qsizetype first = out.size();
        out.append(reinterpret_cast<const char *>(start), p - start);
        bool escaped = false;
        while (true) {
            if (p >= mEnd)
                return fail(Tr::tr("unterminated string"));
            const uchar c = *p;
            if (c == '"')
                break;
            if (c < 0x20)
                return fail(Tr::tr("control character in a string"));
            if (c >= 0x80) {
                const int n = utf8Length(p, mEnd);
                if (n == 0)
                    return fail(Tr::tr("invalid UTF-8 in a string"));
                out.append(reinterpret_cast<const char *>(p), n);
                p += n;
                continue;
            }
            if (c != '\\') {
                out += char(c);
                ++p;
                continue;
            }
            escaped = true;
            if (++p >= mEnd)
                return fail(Tr::tr("unterminated string"));
            switch (*p) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                char32_t code = 0;
                if (!hex4(&code))
                    return false;
                if (code >= 0xd800 && code <= 0xdbff && mEnd - p >= 7 && p[1] == '\\' && p[2] == 'u') {
                    const uchar *save = p;
                    p += 2;
                    char32_t low = 0;
                    if (!hex4(&low))
                        return false;
                    if (low >= 0xdc00 && low <= 0xdfff) {
                        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
                    } else {
                        appendUtf8(out, QChar::ReplacementCharacter);
                        p = save;
                        break;
                    }
                }
                // A lone surrogate has no UTF-8 form: it reads as U+FFFD.
                appendUtf8(out, code >= 0xd800 && code <= 0xdfff ? char32_t(QChar::ReplacementCharacter) : code);
                break;
            }
            default: return fail(Tr::tr("illegal escape sequence"));
            }
            ++p;
        }
        Q_UNUSED(escaped);
        const int node = newNode(Type::String, start - 1);
        Node &n = d->mNodes[node];
        d->mEscaped.push_back({quint32(first), quint32(out.size() - first), n.length});
        n.unescaped = true;
        n.first = quint32(d->mEscaped.size() - 1);
        ++p; // the closing quote
        return true;
    }

    // Four hex digits after p (which points at the 'u'); leaves p on the last.
    bool hex4(char32_t *code)
    {
        if (mEnd - p < 5)
            return fail(Tr::tr("illegal escape sequence"));
        char32_t value = 0;
        for (int i = 1; i <= 4; ++i) {
            const int digit = hexValue(p[i]);
            if (digit < 0)
                return fail(Tr::tr("illegal escape sequence"));
            value = (value << 4) | char32_t(digit);
        }
        p += 4;
        *code = value;
        return true;
    }

    bool enter(int depth)
    {
        if (depth > MaxDepth)
            return fail(Tr::tr("too deeply nested"));
        ++p;
        skipSpace();
        return true;
    }

    // Moves the children collected on the stack since `from` into one run.
    void close(int node, size_t from, int size)
    {
        d->mNodes[node].first = quint32(d->mChildren.size());
        d->mNodes[node].size = size;
        d->mChildren.insert(d->mChildren.end(), mStack.begin() + from, mStack.end());
        mStack.resize(from);
    }

    // The elements of an array or the members of an object, up to `end`
    // and separated by commas; element() reads one.
    template<typename Element>
    bool elements(int node, int depth, uchar end, Element element)
    {
        if (!enter(depth))
            return false;
        const size_t from = mStack.size();
        int size = 0;
        if (p < mEnd && *p == end) {
            ++p;
            close(node, from, 0);
            return true;
        }
        while (true) {
            if (!element())
                return false;
            ++size;
            skipSpace();
            if (p < mEnd && *p == ',') {
                ++p;
                skipSpace();
                continue;
            }
            if (p < mEnd && *p == end) {
                ++p;
                break;
            }
            if (p < mEnd)
                return fail(Tr::tr("missing value separator"));
            return fail(end == ']' ? Tr::tr("unterminated array") : Tr::tr("unterminated object"));
        }
        close(node, from, size);
        return true;
    }

    bool array(int depth)
    {
        return elements(newNode(Type::Array, p), depth, ']', [this, depth] {
            mStack.push_back(int(d->mNodes.size()));
            return value(depth);
        });
    }

    bool object(int depth)
    {
        return elements(newNode(Type::Object, p), depth, '}', [this, depth] {
            if (p >= mEnd || *p != '"')
                return fail(p < mEnd ? Tr::tr("illegal value") : Tr::tr("unterminated object"));
            mStack.push_back(int(d->mNodes.size()));
            if (!string())
                return false;
            skipSpace();
            if (p >= mEnd || *p != ':')
                return fail(Tr::tr("missing name separator"));
            ++p;
            skipSpace();
            mStack.push_back(int(d->mNodes.size()));
            return value(depth);
        });
    }

    Document *d;
    const uchar *mBegin;
    const uchar *p;
    const uchar *mEnd;
    std::vector<int> mStack; // children of the open containers
    qsizetype mErrorOffset = 0;
    QString mErrorMessage;
};

void appendUtf8(QByteArray &out, char32_t c)
{
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xc0 | (c >> 6));
        out += char(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
        out += char(0xe0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3f));
        out += char(0x80 | (c & 0x3f));
    } else {
        out += char(0xf0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3f));
        out += char(0x80 | ((c >> 6) & 0x3f));
        out += char(0x80 | (c & 0x3f));
    }
}

void appendString(QByteArray &out, QStringView s)
{
    static const char hex[] = "0123456789abcdef";
    // Most texts are plain ASCII without quotes or backslashes: copied at once.
    const char16_t *p = s.utf16();
    const char16_t *end = p + s.size();
    const char16_t *plain = p;
    while (plain < end && *plain >= 0x20 && *plain < 0x80 && *plain != u'"' && *plain != u'\\')
        ++plain;
    const qsizetype at = out.size();
    out.resize(at + 1 + (plain - p));
    char *o = out.data() + at;
    *o++ = '"';
    for (const char16_t *q = p; q < plain; ++q)
        *o++ = char(*q);
    p = plain;
    while (p < end) {
        const char16_t c = *p++;
        if (c >= 0x20 && c < 0x80 && c != u'"' && c != u'\\') {
            out += char(c);
            continue;
        }
        switch (c) {
        case u'"': out += "\\\""; continue;
        case u'\\': out += "\\\\"; continue;
        case u'\b': out += "\\b"; continue;
        case u'\f': out += "\\f"; continue;
        case u'\n': out += "\\n"; continue;
        case u'\r': out += "\\r"; continue;
        case u'\t': out += "\\t"; continue;
        case 0xfeff: out += "\\ufeff"; continue; // read raw, QJsonDocument would drop it at a string's start
        default: break;
        }
        if (c < 0x20) {
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 0xf];
        } else if (QChar::isHighSurrogate(c) && p < end && QChar::isLowSurrogate(*p)) {
            appendUtf8(out, QChar::surrogateToUcs4(c, *p++));
        } else if (QChar::isSurrogate(c)) {
            appendUtf8(out, QChar::ReplacementCharacter);
        } else {
            appendUtf8(out, c);
        }
    }
    out += '"';
}

bool Document::parse(const QByteArray &data, qsizetype *errorOffset, QString *errorMessage)
{
    mData = data;
    mUnescaped.clear();
    mNodes.clear();
    mNumbers.clear();
    mEscaped.clear();
    mChildren.clear();
    if (quint64(data.size()) >= std::numeric_limits<quint32>::max()) {
        // Node positions are 32 bits wide.
        *errorOffset = 0;
        *errorMessage = Tr::tr("the document is too large (at most 4 GB)");
        return false;
    }
    // About one node per 12 bytes in a plan.
    mNodes.reserve(size_t(data.size() / 12 + 16));
    mChildren.reserve(size_t(data.size() / 12 + 16));
    adviseHugePages(mNodes.data(), mNodes.capacity() * sizeof(Node));
    adviseHugePages(mChildren.data(), mChildren.capacity() * sizeof(int));
    Parser parser(this);
    if (!parser.run()) {
        *errorOffset = parser.errorOffset();
        *errorMessage = parser.errorMessage();
        mNodes.clear();
        mNumbers.clear();
        mEscaped.clear();
        mChildren.clear();
        return false;
    }
    // What the reservation above leaves over is never touched, but it is
    // address space: a document of long texts (a plan with 50 MB of notes)
    // gives most of it back. A fleet's plan, close to the estimate, keeps it
    // rather than copy every node (32 MB).
    if (mNodes.capacity() > 2 * mNodes.size())
        mNodes.shrink_to_fit();
    if (mChildren.capacity() > 2 * mChildren.size())
        mChildren.shrink_to_fit();
    return true;
}

QByteArrayView Document::bytes(const Node &node) const
{
    if (node.unescaped) {
        const Escaped &e = mEscaped[node.first];
        return QByteArrayView(mUnescaped.constData() + e.first, e.length);
    }
    return QByteArrayView(mData.constData() + node.first, node.length);
}

qsizetype Document::offset(int node) const
{
    const Node &n = mNodes.at(size_t(node));
    if (n.type != Type::String)
        return n.length;
    return n.unescaped ? mEscaped[n.first].offset : qsizetype(n.first) - 1; // the opening quote
}

QString Document::string(int node) const
{
    const Node &n = mNodes[size_t(node)];
    const QByteArrayView b = bytes(n);
    // A string without escapes is ASCII (the parser's fast path).
    if (!n.unescaped)
        return QString::fromLatin1(b);
    // QString::fromUtf8 drops a byte order mark at the start; in a JSON
    // string U+FEFF is text and stays.
    if (b.startsWith("\xEF\xBB\xBF"))
        return QChar(0xFEFF) + QString::fromUtf8(b.sliced(3));
    return QString::fromUtf8(b);
}

Type Value::type() const
{
    return mDocument && mNode >= 0 ? mDocument->mNodes.at(size_t(mNode)).type : Type::Undefined;
}

qsizetype Value::offset() const
{
    return mDocument && mNode >= 0 ? mDocument->offset(mNode) : -1;
}

bool Value::toBool() const
{
    return isBool() && mDocument->mNodes.at(size_t(mNode)).boolean;
}

double Value::toDouble() const
{
    return isDouble() ? mDocument->mNumbers.at(mDocument->mNodes.at(size_t(mNode)).first) : 0;
}

QString Value::toString() const
{
    return isString() ? mDocument->string(mNode) : QString();
}

QByteArrayView Value::stringBytes() const
{
    return isString() ? mDocument->bytes(mDocument->mNodes[size_t(mNode)]) : QByteArrayView();
}

Object Value::toObject() const
{
    return isObject() ? Object(mDocument, mNode) : Object();
}

Array Value::toArray() const
{
    return isArray() ? Array(mDocument, mNode) : Array();
}

int Object::size() const
{
    return mDocument ? mDocument->mNodes.at(size_t(mNode)).size : 0;
}

Value Object::value(QByteArrayView key) const
{
    if (!mDocument || key.isEmpty())
        return {};
    // Called for every key a reader knows, on every object of a fleet:
    // lengths and first bytes rule out most keys before a compare.
    const Document &d = *mDocument;
    const auto &node = d.mNodes[size_t(mNode)];
    const int *children = d.mChildren.data() + node.first;
    const char first = key.front();
    for (int i = node.size - 1; i >= 0; --i) {
        const auto &k = d.mNodes[size_t(children[2 * i])];
        const char *bytes;
        qsizetype length;
        if (k.unescaped) {
            const Document::Escaped &e = d.mEscaped[k.first];
            bytes = d.mUnescaped.constData() + e.first;
            length = e.length;
        } else {
            bytes = d.mData.constData() + k.first;
            length = k.length;
        }
        if (length == key.size() && bytes[0] == first && std::memcmp(bytes, key.data(), size_t(length)) == 0)
            return Value(mDocument, children[2 * i + 1]);
    }
    return {};
}

QString Object::Iterator::key() const
{
    const auto &node = mObject->mDocument->mNodes.at(size_t(mObject->mNode));
    return mObject->mDocument->string(mObject->mDocument->mChildren.at(size_t(node.first + 2 * mIndex)));
}

QByteArrayView Object::Iterator::keyBytes() const
{
    const auto &node = mObject->mDocument->mNodes.at(size_t(mObject->mNode));
    const int key = mObject->mDocument->mChildren.at(size_t(node.first + 2 * mIndex));
    return mObject->mDocument->bytes(mObject->mDocument->mNodes.at(size_t(key)));
}

qsizetype Object::Iterator::keyOffset() const
{
    const auto &node = mObject->mDocument->mNodes.at(size_t(mObject->mNode));
    const int key = mObject->mDocument->mChildren.at(size_t(node.first + 2 * mIndex));
    return mObject->mDocument->offset(key);
}

Value Object::Iterator::value() const
{
    const auto &node = mObject->mDocument->mNodes.at(size_t(mObject->mNode));
    return Value(mObject->mDocument, mObject->mDocument->mChildren.at(size_t(node.first + 2 * mIndex + 1)));
}

int Array::size() const
{
    return mDocument ? mDocument->mNodes.at(size_t(mNode)).size : 0;
}

Value Array::at(int i) const
{
    if (!mDocument || i < 0 || i >= size())
        return {};
    return Value(mDocument, mDocument->mChildren.at(size_t(mDocument->mNodes.at(size_t(mNode)).first + i)));
}

} // namespace Portolan::Json
