#include "engine/knowledge/sourcelocation.h"

namespace flowdeck::engine {

nlohmann::json SourceLocation::toJson() const
{
    nlohmann::json j = nlohmann::json::object();
    if (page > 0)
        j["page"] = page;
    if (!sheet.empty())
        j["sheet"] = sheet;
    if (row > 0) {
        j["row"] = row;
        j["rowEnd"] = rowEnd > 0 ? rowEnd : row;
    }
    if (slide > 0)
        j["slide"] = slide;
    if (!headingPath.empty())
        j["headingPath"] = headingPath;
    return j;
}

SourceLocation SourceLocation::fromJson(const nlohmann::json &j)
{
    SourceLocation l;
    if (!j.is_object())
        return l;
    auto intField = [&](const char *key) {
        auto it = j.find(key);
        return it != j.end() && it->is_number_integer() ? it->get<int>() : 0;
    };
    l.page = intField("page");
    l.row = intField("row");
    l.rowEnd = intField("rowEnd");
    l.slide = intField("slide");
    if (auto it = j.find("sheet"); it != j.end() && it->is_string())
        l.sheet = it->get<std::string>();
    if (auto it = j.find("headingPath"); it != j.end() && it->is_array())
        for (const auto &h : *it)
            if (h.is_string())
                l.headingPath.push_back(h.get<std::string>());
    return l;
}

std::string SourceLocation::describe(const std::string &language) const
{
    const bool zh = language.rfind("zh", 0) == 0;
    std::vector<std::string> parts;
    if (page > 0)
        parts.push_back(zh ? "第 " + std::to_string(page) + " 页" : "page " + std::to_string(page));
    if (!sheet.empty())
        parts.push_back(zh ? "工作表 " + sheet : "sheet " + sheet);
    if (row > 0) {
        const int last = rowEnd > row ? rowEnd : row;
        std::string rows = last > row ? std::to_string(row) + "–" + std::to_string(last) : std::to_string(row);
        parts.push_back(zh ? "第 " + rows + " 行" : (last > row ? "rows " : "row ") + rows);
    }
    if (slide > 0)
        parts.push_back(zh ? "第 " + std::to_string(slide) + " 张幻灯片" : "slide " + std::to_string(slide));
    if (!headingPath.empty()) {
        std::string path;
        for (const auto &h : headingPath)
            path += (path.empty() ? "" : " › ") + h;
        parts.push_back(path);
    }
    std::string out;
    for (const auto &p : parts)
        out += (out.empty() ? "" : zh ? "，" : ", ") + p;
    return out;
}

} // namespace flowdeck::engine
