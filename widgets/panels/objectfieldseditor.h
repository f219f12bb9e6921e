#pragma once

#include <QWidget>

#include <nlohmann/json.hpp>

#include <functional>
#include <string>

namespace flowdeck::studio {

// A small form for an object-valued config field (the knowledge node's filters and
// rerank): one row per property of its schema — a check box for a boolean, a line for
// a string, a comma-separated line for a list of strings. A change, once made (a line
// when it loses focus), is written through `apply` at "/<field>/<property>"; an empty
// value removes the property.
class ObjectFieldsEditor : public QWidget {
    Q_OBJECT

public:
    ObjectFieldsEditor(const std::string &field, const nlohmann::json &schema, const nlohmann::json &value,
                       std::function<void(const std::string &pointer, nlohmann::json value)> apply, QWidget *parent = nullptr);
};

} // namespace flowdeck::studio
