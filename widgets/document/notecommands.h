#pragma once

#include "engine/workflow/workflow.h"

#include <QString>
#include <QUndoCommand>

#include <map>
#include <set>
#include <vector>

namespace flowdeck {
namespace studio {

class GraphDocument;

// The edits of the canvas's sticky notes (Workflow::notes). Like the node commands they
// hold the document and note ids, never items, and undo gives back the identical JSON.

class AddNoteCommand : public QUndoCommand {
public:
    AddNoteCommand(GraphDocument *doc, engine::NoteSpec note);
    void redo() override;
    void undo() override;

private:
    GraphDocument *m_doc;
    engine::NoteSpec m_note;
};

// Deletes notes; undo puts each back where it was in the list.
class DeleteNotesCommand : public QUndoCommand {
public:
    DeleteNotesCommand(GraphDocument *doc, std::set<std::string> ids);
    void redo() override;
    void undo() override;

private:
    GraphDocument *m_doc;
    std::set<std::string> m_ids;
    std::vector<std::pair<engine::NoteSpec, std::size_t>> m_removed;
};

// Replaces a note's text, size, colour or place (the note with the same id).
class EditNoteCommand : public QUndoCommand {
public:
    EditNoteCommand(GraphDocument *doc, engine::NoteSpec after, const QString &text);
    void redo() override;
    void undo() override;

private:
    GraphDocument *m_doc;
    engine::NoteSpec m_after, m_before;
};

// Moves notes; consecutive moves of the same notes merge into one step, as node moves do.
class MoveNotesCommand : public QUndoCommand {
public:
    MoveNotesCommand(GraphDocument *doc, std::map<std::string, std::array<double, 2>> to);
    void redo() override;
    void undo() override;
    int id() const override { return 31; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    void place(const std::map<std::string, std::array<double, 2>> &where);

    GraphDocument *m_doc;
    std::map<std::string, std::array<double, 2>> m_from, m_to;
};

} // namespace studio
} // namespace flowdeck
