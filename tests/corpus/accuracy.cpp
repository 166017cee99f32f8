#include "corpus/accuracy.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <optional>
#include <vector>

namespace bpack::test {
namespace {

using Opt = std::optional<std::string>;

// A member of an entity, or null when the entity does not have it: gold written by hand may
// leave out a field it has nothing for.
const json::Value& member(const json::Value& entity, const std::string& key) {
  static const json::Value kNull;
  return entity.has(key) ? entity[key] : kNull;
}

Opt text_of(const json::Value& v) {
  if (v.type == json::Value::Type::string) {
    return v.string;
  }
  if (v.type == json::Value::Type::number) {
    const double n = v.number;
    return n == std::floor(n) ? std::to_string(static_cast<long long>(n)) : std::to_string(n);
  }
  return std::nullopt;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
}

// Lower case, typographic quotes and dashes made plain, punctuation other than % £ & / ' -
// turned into spaces, white space collapsed.
Opt norm(const Opt& in) {
  if (!in) {
    return std::nullopt;
  }
  std::string s = *in;
  for (char& c : s) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  replace_all(s, "\xE2\x80\x99", "'");
  replace_all(s, "\xE2\x80\x98", "'");
  replace_all(s, "\xE2\x80\x9C", "\"");
  replace_all(s, "\xE2\x80\x9D", "\"");
  replace_all(s, "\xE2\x80\x93", "-");
  replace_all(s, "\xE2\x80\x94", "-");
  replace_all(s, "\xEF\xBF\xBD", "");
  std::string out;
  bool space = false;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    const bool keep = std::isalnum(c) != 0 || c >= 0x80 || ch == '_' || ch == '%' || ch == '&' || ch == '/' ||
                      ch == '\'' || ch == '-';
    if (!keep) {
      space = true;
      continue;
    }
    if (space && !out.empty()) {
      out.push_back(' ');
    }
    space = false;
    out.push_back(ch);
  }
  return out;
}

std::string norm_name(const Opt& in) {
  static const std::vector<std::string> kTitles{"dr",   "cllr",      "councillor", "mayor", "mr",  "mrs",  "ms", "miss",
                                                "prof", "professor", "sir",        "dame",  "rev", "revd", "the"};
  std::string s = norm(in).value_or("");
  for (bool again = true; again;) {
    again = false;
    for (const auto& t : kTitles) {
      if (s.rfind(t + " ", 0) == 0) {
        s.erase(0, t.size() + 1);
        again = true;
      }
    }
  }
  return s;
}

Opt norm_number(const Opt& in) {
  if (!in) {
    return std::nullopt;
  }
  std::string out;
  for (const char c : *in) {
    if (c != ' ' && c != '\t' && c != '.' && c != '(' && c != ')') {
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  return out.empty() ? Opt{} : Opt{out};
}

// Longest common block of a[a0,a1) and b[b0,b1): earliest in a, then in b, on ties.
void longest(const std::string& a, std::size_t a0, std::size_t a1, const std::string& b, std::size_t b0, std::size_t b1,
             std::size_t& best_i, std::size_t& best_j, std::size_t& best_k) {
  best_i = a0;
  best_j = b0;
  best_k = 0;
  const std::size_t n = b1 - b0;
  std::vector<std::size_t> prev(n + 1, 0), cur(n + 1, 0);
  for (std::size_t i = a0; i < a1; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      cur[j + 1] = a[i] == b[b0 + j] ? prev[j] + 1 : 0;
      if (cur[j + 1] > best_k) {
        best_k = cur[j + 1];
        best_i = i + 1 - best_k;
        best_j = b0 + j + 1 - best_k;
      }
    }
    std::swap(prev, cur);
  }
}

std::size_t matching(const std::string& a, std::size_t a0, std::size_t a1, const std::string& b, std::size_t b0,
                     std::size_t b1) {
  if (a0 >= a1 || b0 >= b1) {
    return 0;
  }
  std::size_t i = 0, j = 0, k = 0;
  longest(a, a0, a1, b, b0, b1, i, j, k);
  if (k == 0) {
    return 0;
  }
  return k + matching(a, a0, i, b, b0, j) + matching(a, i + k, a1, b, j + k, b1);
}

bool similar(const Opt& x, const Opt& y, double threshold = 0.85) {
  const Opt a = norm(x), b = norm(y);
  if (!a || !b || a->empty() || b->empty()) {
    return (a && !a->empty()) == (b && !b->empty()) && (!a || a->empty()) && (!b || b->empty());
  }
  return *a == *b || similarity(*a, *b) >= threshold;
}

bool exact(const Opt& x, const Opt& y) {
  const Opt a = norm(x), b = norm(y);
  const Opt aa = a && !a->empty() ? a : Opt{};
  const Opt bb = b && !b->empty() ? b : Opt{};
  return aa == bb;
}

using Compare = std::function<bool(const json::Value&, const json::Value&)>;
using Key = std::function<std::string(const json::Value&)>;
using Pairs = std::vector<std::pair<const json::Value*, const json::Value*>>;

Compare field(std::function<bool(const Opt&, const Opt&)> cmp) {
  return [cmp](const json::Value& g, const json::Value& p) { return cmp(text_of(g), text_of(p)); };
}

// Pairs entities with equal keys (an empty key pairs nothing); with by_text, pairs each gold
// entity left over with the unpaired prediction whose text is most alike, at least 0.6.
Pairs match_by_key(const std::vector<json::Value>& gold, const std::vector<json::Value>& pred, const Key& key,
                   bool by_text) {
  std::vector<bool> used(pred.size(), false);
  Pairs pairs;
  std::vector<const json::Value*> rest;
  for (const auto& g : gold) {
    bool found = false;
    const std::string gold_key = key(g);
    for (std::size_t i = 0; i < pred.size() && !gold_key.empty(); ++i) {
      if (!used[i] && key(pred[i]) == gold_key) {
        used[i] = true;
        pairs.emplace_back(&g, &pred[i]);
        found = true;
        break;
      }
    }
    if (!found) {
      rest.push_back(&g);
    }
  }
  if (by_text) {
    for (const json::Value* g : rest) {
      std::size_t best = pred.size();
      double best_r = 0.6 - 1e-9;
      for (std::size_t i = 0; i < pred.size(); ++i) {
        if (used[i]) {
          continue;
        }
        const double r =
            similarity(norm(text_of((*g)["text"])).value_or(""), norm(text_of(pred[i]["text"])).value_or(""));
        if (r > best_r) {
          best_r = r;
          best = i;
        }
      }
      if (best < pred.size()) {
        used[best] = true;
        pairs.emplace_back(g, &pred[best]);
      }
    }
  }
  return pairs;
}

double overlap(const json::Value& a, const json::Value& b) {
  const auto span = [](const json::Value& e) {
    const double s = e["line_start"].number;
    const double t = e["line_end"].is_null() || e["line_end"].number == 0 ? s : e["line_end"].number;
    return std::pair<double, double>(s, t);
  };
  const auto [a0, a1] = span(a);
  const auto [b0, b1] = span(b);
  const double inter = std::max(0.0, std::min(a1, b1) - std::max(a0, b0) + 1);
  const double uni = std::max(a1, b1) - std::min(a0, b0) + 1;
  return uni > 0 ? inter / uni : 0;
}

Pairs match_by_span(const std::vector<json::Value>& gold, const std::vector<json::Value>& pred, bool same_kind) {
  std::vector<bool> used(pred.size(), false);
  Pairs pairs;
  for (const auto& g : gold) {
    std::size_t best = pred.size();
    double best_o = 0.5;
    for (std::size_t i = 0; i < pred.size(); ++i) {
      if (used[i] || (same_kind && pred[i]["kind"].text().value_or("") != g["kind"].text().value_or(""))) {
        continue;
      }
      const double o = overlap(g, pred[i]);
      if (o >= best_o) {
        best_o = o;
        best = i;
      }
    }
    if (best < pred.size()) {
      used[best] = true;
      pairs.emplace_back(&g, &pred[best]);
    }
  }
  return pairs;
}

Pairs match_decisions(const std::vector<json::Value>& gold, const std::vector<json::Value>& pred) {
  std::vector<bool> used(pred.size(), false);
  Pairs pairs;
  for (const auto& g : gold) {
    std::size_t best = pred.size();
    double best_r = -1;
    for (std::size_t i = 0; i < pred.size(); ++i) {
      const json::Value& p = pred[i];
      if (used[i] || p["meeting_date"].text().value_or("") != g["meeting_date"].text().value_or("") ||
          norm_number(text_of(p["item"])) != norm_number(text_of(g["item"])) ||
          p["kind"].text().value_or("") != g["kind"].text().value_or("")) {
        continue;
      }
      const double r = similarity(norm(text_of(g["text"])).value_or(""), norm(text_of(p["text"])).value_or(""));
      if (r > best_r) {
        best_r = r;
        best = i;
      }
    }
    if (best < pred.size()) {
      used[best] = true;
      pairs.emplace_back(&g, &pred[best]);
    }
  }
  return pairs;
}

}  // namespace

double similarity(const std::string& a, const std::string& b) {
  if (a.empty() && b.empty()) {
    return 1.0;
  }
  const std::size_t m = matching(a, 0, a.size(), b, 0, b.size());
  return 2.0 * static_cast<double>(m) / static_cast<double>(a.size() + b.size());
}

PackScore score_pack(const json::Value& gold, const json::Value& pred) {
  const auto number_or_title = [](const json::Value& e) {
    const Opt n = norm_number(text_of(e["number"]));
    return n ? *n : "t:" + norm(text_of(e["title"])).value_or("").substr(0, 30);
  };
  const auto same_number = field([](const Opt& a, const Opt& b) { return norm_number(a) == norm_number(b); });
  const auto sim = [](double t) { return field([t](const Opt& a, const Opt& b) { return similar(a, b, t); }); };
  const auto near_line = [](const json::Value& a, const json::Value& b) {
    if (a.is_null() || b.is_null()) {
      return a.is_null() == b.is_null();
    }
    return std::abs(a.number - b.number) <= 2;
  };
  struct Spec {
    std::string name;
    std::function<Pairs(const std::vector<json::Value>&, const std::vector<json::Value>&)> match;
    std::vector<std::pair<std::string, Compare>> fields;
  };
  const std::vector<Spec> specs{
      {"meetings",
       [](const auto& g, const auto& p) {
         return match_by_key(
             g, p,
             [](const json::Value& e) { return e["role"].text().value_or("") + "|" + e["date"].text().value_or(""); },
             false);
       },
       {{"body", sim(0.85)}, {"time", field(exact)}, {"venue", sim(0.85)}}},
      {"sections", [](const auto& g, const auto& p) { return match_by_span(g, p, true); }, {}},
      {"agenda_items",
       [&](const auto& g, const auto& p) { return match_by_key(g, p, number_or_title, false); },
       {{"title", sim(0.85)}, {"lead", field(exact)}, {"paper", same_number}, {"time", field(exact)}}},
      {"attendance",
       [](const auto& g, const auto& p) {
         return match_by_key(
             g, p,
             [](const json::Value& e) {
               return norm_name(text_of(e["name"])) + "|" + e["meeting_date"].text().value_or("");
             },
             false);
       },
       {{"status", field(exact)}, {"role", sim(0.85)}, {"initials", field(exact)}}},
      {"minute_items",
       [&](const auto& g, const auto& p) {
         return match_by_key(
             g, p,
             [&](const json::Value& e) { return e["meeting_date"].text().value_or("") + "|" + number_or_title(e); },
             false);
       },
       {{"title", sim(0.85)}, {"line_start", near_line}}},
      {"decisions", match_decisions, {{"text", sim(0.8)}}},
      {"actions",
       [](const auto& g, const auto& p) {
         // An action without a ref has no key: it is paired by its text alone.
         return match_by_key(
             g, p, [](const json::Value& e) { return norm_number(text_of(e["ref"])).value_or(""); }, true);
       },
       {{"raised", field(exact)},
        {"item", sim(0.85)},
        {"text", sim(0.8)},
        {"owner", sim(0.85)},
        {"due", field(exact)},
        {"status", field(exact)},
        {"comments", sim(0.8)}}},
      {"papers",
       [](const auto& g, const auto& p) { return match_by_span(g, p, false); },
       {{"ref", same_number}, {"title", sim(0.7)}, {"ask", sim(0.8)}, {"recommendation", sim(0.8)}}},
  };
  PackScore score;
  double f1_sum = 0;
  int agree = 0;
  int total = 0;
  for (const auto& spec : specs) {
    if (!gold.has(spec.name)) {
      continue;  // a partial gold file scores only the lists it has
    }
    const auto& g = gold[spec.name].array;
    const auto& p = member(pred, spec.name).array;
    if (g.empty() && p.empty()) {
      continue;
    }
    ListScore list;
    list.gold = static_cast<int>(g.size());
    list.pred = static_cast<int>(p.size());
    const Pairs pairs = spec.match(g, p);
    list.matched = static_cast<int>(pairs.size());
    const double precision = p.empty() ? (g.empty() ? 1.0 : 0.0) : static_cast<double>(list.matched) / list.pred;
    const double recall = g.empty() ? 1.0 : static_cast<double>(list.matched) / list.gold;
    list.f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
    for (const auto& [name, cmp] : spec.fields) {
      for (const auto& [gj, pj] : pairs) {
        list.fields_agree += cmp(member(*gj, name), member(*pj, name)) ? 1 : 0;
        ++list.fields_total;
      }
    }
    f1_sum += list.f1;
    agree += list.fields_agree;
    total += list.fields_total;
    score.lists[spec.name] = list;
  }
  score.entity_f1 = score.lists.empty() ? 0 : f1_sum / static_cast<double>(score.lists.size());
  score.field_accuracy = total == 0 ? 0 : static_cast<double>(agree) / total;
  return score;
}

}  // namespace bpack::test
