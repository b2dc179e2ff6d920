#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <vector>

namespace Portolan::Json {

// A read-only JSON tree for the native format's reader: one pass over the
// UTF-8 text into flat arrays, strings left as bytes until asked for. At a
// fleet's size (25 MB) it reads several times faster than QJsonDocument,
// whose tree is built for editing. Keys are compared as UTF-8 bytes.

enum class Type : quint8 { Undefined, Null, Bool, Number, String, Array, Object };

class Document;
class Object;
class Array;

class Value
{
public:
    Value() = default;

    Type type() const;
    bool isUndefined() const { return type() == Type::Undefined; }
    bool isNull() const { return type() == Type::Null; }
    bool isBool() const { return type() == Type::Bool; }
    bool isDouble() const { return type() == Type::Number; }
    bool isString() const { return type() == Type::String; }
    bool isArray() const { return type() == Type::Array; }
    bool isObject() const { return type() == Type::Object; }

    // Where the value's text starts in the document, in bytes; -1 for none.
    qsizetype offset() const;
    bool toBool() const;
    double toDouble() const;
    QString toString() const;
    // A string's UTF-8 bytes, unescaped; empty for other types. They live as
    // long as the document.
    QByteArrayView stringBytes() const;
    Object toObject() const;
    Array toArray() const;

private:
    friend class Document;
    friend class Object;
    friend class Array;
    Value(const Document *document, int node)
        : mDocument(document)
        , mNode(node)
    {
    }

    const Document *mDocument = nullptr;
    int mNode = -1;
};

class Object
{
public:
    Object() = default;

    int size() const;
    bool isEmpty() const { return size() == 0; }
    // The value of key, Undefined when absent; the last one if a key repeats.
    Value value(QByteArrayView key) const;
    bool contains(QByteArrayView key) const { return !value(key).isUndefined(); }

    class Iterator
    {
    public:
        QString key() const;
        QByteArrayView keyBytes() const; // UTF-8
        qsizetype keyOffset() const;     // where the key's text starts
        Value value() const;
        Iterator &operator++()
        {
            ++mIndex;
            return *this;
        }
        bool operator!=(const Iterator &other) const { return mIndex != other.mIndex; }

    private:
        friend class Object;
        Iterator(const Object *object, int index)
            : mObject(object)
            , mIndex(index)
        {
        }
        const Object *mObject;
        int mIndex;
    };
    Iterator begin() const { return Iterator(this, 0); }
    Iterator end() const { return Iterator(this, size()); }

private:
    friend class Value;
    Object(const Document *document, int node)
        : mDocument(document)
        , mNode(node)
    {
    }

    const Document *mDocument = nullptr;
    int mNode = -1;
};

class Array
{
public:
    Array() = default;

    int size() const;
    bool isEmpty() const { return size() == 0; }
    Value at(int i) const;

private:
    friend class Value;
    Array(const Document *document, int node)
        : mDocument(document)
        , mNode(node)
    {
    }

    const Document *mDocument = nullptr;
    int mNode = -1;
};

// Appends the UTF-8 form of a code point (not a surrogate).
void appendUtf8(QByteArray &out, char32_t c);

// Appends s as a quoted JSON string in UTF-8, escaped as QJsonDocument
// escapes it (quote, backslash and control characters) and U+FEFF as
// \ufeff; a lone surrogate becomes U+FFFD.
void appendString(QByteArray &out, QStringView s);

class Document
{
public:
    // Reads RFC 8259 JSON in UTF-8, nested at most MaxDepth deep and at most
    // 4 GB large. On bad input returns false and sets the byte offset and a
    // reason.
    bool parse(const QByteArray &data, qsizetype *errorOffset, QString *errorMessage);
    Value root() const { return Value(this, mNodes.empty() ? -1 : 0); }
    const QByteArray &data() const { return mData; }

    static constexpr int MaxDepth = 1024;

private:
    friend class Value;
    friend class Object;
    friend class Array;

    // 16 bytes: a 50 MB plan has four million nodes.
    struct Node
    {
        Type type = Type::Undefined;
        bool boolean = false;
        bool unescaped = false; // a string's bytes are in mUnescaped, not in mData
        int size = 0;           // a container's children (an object's: pairs)
        quint32 first = 0;      // a container's first child in mChildren; a string's first byte
                                // (unescaped: its index in mEscaped); a number's index in mNumbers
        quint32 length = 0;     // a string's bytes; for other types where the value's text starts
    };
    // A string with escapes or non-ASCII characters, read into mUnescaped.
    struct Escaped
    {
        quint32 first;
        quint32 length;
        quint32 offset; // where its text starts
    };

    QByteArrayView bytes(const Node &node) const;
    qsizetype offset(int node) const;
    QString string(int node) const;

    QByteArray mData;
    QByteArray mUnescaped;
    std::vector<Node> mNodes;
    std::vector<double> mNumbers;
    std::vector<Escaped> mEscaped;
    std::vector<int> mChildren; // arrays: value nodes; objects: key node, value node

    class Parser;
};

} // namespace Portolan::Json
