// GML (Graph Modelling Language, Himsolt 1997) as written by networkx, igraph, Pajek and
// Newman's data sets: graph [ directed 0|1 node [ id .. label ".." .. ] edge [ source ..
// target .. value .. ] ]. Node "id" is the external id and "label" the name; edge "weight" (or
// "value") is the weight; every other scalar is a property, nested lists become dotted names
// ("graphics.x"). Strings may use HTML entities (&quot; &amp; &#233; ...).
#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <deque>
#include <unordered_map>

#include "core/text.hpp"
#include "ingest/readers.hpp"

namespace linkscope::detail {
namespace {

struct Token {
  enum class Type { kKey, kNumber, kString, kOpen, kClose, kEnd } type = Type::kEnd;
  std::string_view text;  // key, number text or string content (entities decoded)
  double number = 0;
  bool integer = false;
  uint64_t line = 0;
  uint32_t column = 0;
};

class Lexer {
 public:
  Lexer(std::string_view text, const std::string& file) : text_(text), file_(file) {
    if (text_.size() >= 3 && text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = line_start_ = 3;
  }

  Token Next() {
    SkipSpace();
    Token t;
    t.line = line_;
    t.column = static_cast<uint32_t>(pos_ - line_start_ + 1);
    if (pos_ >= text_.size()) return t;
    const char c = text_[pos_];
    if (c == '[') {
      ++pos_;
      t.type = Token::Type::kOpen;
      return t;
    }
    if (c == ']') {
      ++pos_;
      t.type = Token::Type::kClose;
      return t;
    }
    if (c == '"') return String(t);
    if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') return Number(t);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_') {
      const size_t b = pos_;
      while (pos_ < text_.size() &&
             (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_')) {
        ++pos_;
      }
      t.type = Token::Type::kKey;
      t.text = text_.substr(b, pos_ - b);
      return t;
    }
    throw InputError(file_, t.line, t.column,
                     fmt::format("unexpected character {} in GML", Quote(text_.substr(pos_, 1))));
  }

 private:
  void SkipSpace() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '\n') {
        ++line_;
        line_start_ = ++pos_;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        ++pos_;
      } else if (c == '#') {
        while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
      } else {
        break;
      }
    }
  }

  Token String(Token t) {
    const size_t b = ++pos_;
    bool has_entity = false;
    while (pos_ < text_.size() && text_[pos_] != '"') {
      if (text_[pos_] == '&') has_entity = true;
      if (text_[pos_] == '\n') {
        ++line_;
        line_start_ = pos_ + 1;
      }
      ++pos_;
    }
    if (pos_ >= text_.size()) {
      throw InputError(file_, t.line, t.column, "string is not closed before the end of the file");
    }
    t.type = Token::Type::kString;
    t.text = text_.substr(b, pos_ - b);
    ++pos_;
    if (has_entity) t.text = Decode(t.text);
    return t;
  }

  Token Number(Token t) {
    const size_t b = pos_;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
        ++pos_;
      } else {
        break;
      }
    }
    t.text = text_.substr(b, pos_ - b);
    auto v = ParseNumber(t.text);
    if (!v) throw InputError(file_, t.line, t.column, "bad number " + Quote(t.text));
    t.type = Token::Type::kNumber;
    t.number = *v;
    t.integer = t.text.find_first_of(".eE") == std::string_view::npos;
    return t;
  }

  // HTML entities, as GML writers escape quotes and non-ASCII text with them.
  std::string_view Decode(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] != '&') {
        out += s[i];
        continue;
      }
      const size_t semi = s.find(';', i);
      if (semi == std::string_view::npos || semi - i > 10) {
        out += s[i];
        continue;
      }
      const std::string_view name = s.substr(i + 1, semi - i - 1);
      uint32_t cp = 0;
      if (name == "quot")
        cp = '"';
      else if (name == "amp")
        cp = '&';
      else if (name == "lt")
        cp = '<';
      else if (name == "gt")
        cp = '>';
      else if (name == "apos")
        cp = '\'';
      else if (name.size() > 1 && name[0] == '#') {
        const bool hex = name[1] == 'x' || name[1] == 'X';
        const std::string_view digits = name.substr(hex ? 2 : 1);
        for (char c : digits) {
          int d = -1;
          if (c >= '0' && c <= '9')
            d = c - '0';
          else if (hex && c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
          else if (hex && c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
          if (d < 0 || cp > 0x10FFFF) {
            cp = 0;
            break;
          }
          cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
        }
      }
      if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        out += s[i];  // not an entity we know: keep the text as written
        continue;
      }
      if (cp < 0x80) {
        out += static_cast<char>(cp);
      } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      }
      i = semi;
    }
    decoded_.push_back(std::move(out));
    return decoded_.back();
  }

  std::string_view text_;
  const std::string& file_;
  size_t pos_ = 0;
  size_t line_start_ = 0;
  uint64_t line_ = 1;
  std::deque<std::string> decoded_;
};

struct Item {                                        // a node or an edge block
  std::vector<std::pair<std::string, Token>> attrs;  // dotted key -> scalar
  uint64_t line = 0;
  uint32_t column = 0;
};

class Parser {
 public:
  Parser(std::string_view text, Sink& sink) : lex_(text, sink.file()), sink_(sink) {}

  void Run() {
    try {
      for (;;) {
        Token key = lex_.Next();
        if (key.type == Token::Type::kEnd) break;
        if (key.type != Token::Type::kKey) Fail(key, "expected a key");
        Token value = lex_.Next();
        if (key.text == "graph") {
          if (value.type != Token::Type::kOpen) Fail(value, "expected '[' after graph");
          ++graphs_;
          if (graphs_ > 1) Fail(key, "more than one graph in the file");
          Graph(value);
        } else {
          SkipValue(value);  // file metadata such as Creator or Version
        }
      }
    } catch (const InputError&) {
      // A syntax error ends the file, but lenient mode keeps the records read before it. (In
      // strict mode a bad record among them is reported first: it comes earlier in the file.)
      Emit();
      throw;
    }
    if (graphs_ == 0) throw InputError(sink_.file(), 0, 0, "no \"graph [ ... ]\" in the file");
    Emit();
  }

 private:
  [[noreturn]] void Fail(const Token& t, const std::string& why) {
    throw InputError(sink_.file(), t.line, t.column, why);
  }

  void SkipValue(const Token& value) {
    if (value.type == Token::Type::kEnd) Fail(value, "unexpected end of file");
    if (value.type == Token::Type::kClose) Fail(value, "unexpected ']'");
    if (value.type != Token::Type::kOpen) return;
    int depth = 1;
    while (depth > 0) {
      Token t = lex_.Next();
      if (t.type == Token::Type::kEnd) Fail(value, "list opened here is not closed");
      if (t.type == Token::Type::kOpen) ++depth;
      if (t.type == Token::Type::kClose) --depth;
    }
  }

  void Graph(const Token& open) {
    for (;;) {
      Token key = lex_.Next();
      if (key.type == Token::Type::kClose) return;
      if (key.type == Token::Type::kEnd) Fail(open, "graph list opened here is not closed");
      if (key.type != Token::Type::kKey) Fail(key, "expected a key");
      Token value = lex_.Next();
      if (key.text == "node" || key.text == "edge") {
        if (value.type != Token::Type::kOpen) Fail(value, "expected '['");
        Item item;
        item.line = key.line;
        item.column = key.column;
        ReadList(value, "", &item);
        (key.text == "node" ? nodes_ : edges_).push_back(std::move(item));
      } else if (key.text == "directed") {
        if (value.type != Token::Type::kNumber) Fail(value, "directed must be 0 or 1");
        directed_ = value.number != 0;
      } else {
        SkipValue(value);
      }
    }
  }

  void ReadList(const Token& open, const std::string& prefix, Item* item) {
    for (;;) {
      Token key = lex_.Next();
      if (key.type == Token::Type::kClose) return;
      if (key.type == Token::Type::kEnd) Fail(open, "list opened here is not closed");
      if (key.type != Token::Type::kKey) Fail(key, "expected a key");
      Token value = lex_.Next();
      std::string name =
          prefix.empty() ? std::string(key.text) : prefix + "." + std::string(key.text);
      if (value.type == Token::Type::kOpen) {
        ReadList(value, name, item);
      } else if (value.type == Token::Type::kNumber || value.type == Token::Type::kString) {
        item->attrs.emplace_back(std::move(name), value);
      } else {
        Fail(value, "expected a value");
      }
    }
  }

  // An id or end-point: integers as decimal text, strings as written.
  bool IdText(const Token& t, std::string* storage, FieldValue* out) {
    out->column = t.column;
    out->line = t.line;
    if (t.type == Token::Type::kNumber) {
      if (!t.integer) return sink_.Reject(t.line, t.column, "ids must be integers or strings");
      *storage = std::string(t.text[0] == '+' ? t.text.substr(1) : t.text);
      out->text = *storage;
    } else {
      out->text = t.text;
    }
    out->type = FieldValue::Type::kText;
    return true;
  }

  bool Utf8Ok(const Item& item) {
    for (const auto& [name, value] : item.attrs) {
      if (value.type != Token::Type::kString) continue;
      const size_t bad = FindInvalidUtf8(value.text);
      if (bad != std::string_view::npos) {
        return sink_.Reject(value.line, value.column + 1 + static_cast<uint32_t>(bad),
                            "invalid UTF-8");
      }
    }
    return true;
  }

  void AddProperty(RawRecord* rec, const std::string& name, const Token& v) {
    PropertyDraft p;
    p.key = name;
    p.column = v.column;
    if (v.type == Token::Type::kNumber) {
      p.type = PropertyType::kNumber;
      p.number = v.number;
    } else {
      p.type = PropertyType::kString;
      p.text = v.text;
    }
    rec->properties.push_back(p);
  }

  void Emit() {
    RawRecord rec;
    std::string id_storage[2];
    std::unordered_map<std::string, uint64_t> node_lines;
    for (const Item& node : nodes_) {
      sink_.CountRecord();
      if (!Utf8Ok(node)) continue;
      rec.Clear();
      rec.typed = true;
      rec.line = node.line;
      rec.column = node.column;
      bool ok = true;
      for (const auto& [name, value] : node.attrs) {
        if (name == "id") {
          ok = IdText(value, &id_storage[0], &rec[Field::kId]);
        } else if (name == "label" && value.type == Token::Type::kString) {
          FieldValue& v = rec[Field::kName];
          v.type = FieldValue::Type::kText;
          v.text = value.text;
          v.column = value.column;
          v.line = value.line;
        } else {
          AddProperty(&rec, name, value);
        }
        if (!ok) break;
      }
      if (!ok) continue;
      if (!rec[Field::kId].present()) {
        sink_.Reject(node.line, node.column, "node without id");
        continue;
      }
      const std::string id(Trim(rec[Field::kId].text));
      auto [it, inserted] = node_lines.emplace(id, node.line);
      if (!inserted) {
        sink_.Reject(
            node.line, node.column,
            fmt::format("node id {} is declared twice (first at line {})", Quote(id), it->second));
        continue;
      }
      FieldValue& k = rec[Field::kKind];
      k.type = FieldValue::Type::kText;
      k.text = sink_.data().kinds.Get(sink_.default_kind());
      sink_.Entity(rec);
    }
    for (const Item& edge : edges_) {
      sink_.CountRecord();
      if (!Utf8Ok(edge)) continue;
      rec.Clear();
      rec.typed = true;
      rec.line = edge.line;
      rec.column = edge.column;
      bool ok = true;
      bool have_weight = false;
      for (const auto& [name, value] : edge.attrs) {
        if (name == "source") {
          ok = IdText(value, &id_storage[0], &rec[Field::kFrom]);
        } else if (name == "target") {
          ok = IdText(value, &id_storage[1], &rec[Field::kTo]);
        } else if (name == "weight" ||
                   (name == "value" && !have_weight && value.type == Token::Type::kNumber)) {
          // A "weight" that is not a number is an error (the sink says so), not a property.
          SetNumberField(rec[Field::kWeight], value);
          have_weight = name == "weight";
        } else if (name == "handling") {
          // The link's handling code (LoadOptions::max_handling withholds by it).
          SetNumberField(rec[Field::kHandling], value);
        } else {
          AddProperty(&rec, name, value);
        }
        if (!ok) break;
      }
      if (!ok) continue;
      if (!rec[Field::kFrom].present() || !rec[Field::kTo].present()) {
        sink_.Reject(edge.line, edge.column,
                     rec[Field::kFrom].present() ? "edge without target" : "edge without source");
        continue;
      }
      FieldValue& d = rec[Field::kDirected];
      d.type = FieldValue::Type::kBool;
      d.boolean = directed_;
      sink_.Link(rec);
    }
  }

  // A number field from a GML value; text stays text, so the sink reports it as not a number.
  static void SetNumberField(FieldValue& f, const Token& value) {
    f.type = value.type == Token::Type::kNumber ? FieldValue::Type::kNumber : FieldValue::Type::kText;
    f.number = value.number;
    f.text = value.text;
    f.column = value.column;
    f.line = value.line;
  }

  Lexer lex_;
  Sink& sink_;
  int graphs_ = 0;
  bool directed_ = false;
  std::vector<Item> nodes_;
  std::vector<Item> edges_;
};

}  // namespace

void ReadGml(std::string_view text, Sink& sink) { Parser(text, sink).Run(); }

}  // namespace linkscope::detail
