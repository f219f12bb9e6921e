#include "widgets/document/notecommands.h"

#include "widgets/document/graphdocument.h"

#include <QCoreApplication>

namespace flowdeck {
namespace studio {

AddNoteCommand::AddNoteCommand(GraphDocument *doc, engine::NoteSpec note) : m_doc(doc), m_note(std::move(note))
{
    setText(QCoreApplication::translate("NoteCommands", "Add note"));
}

void AddNoteCommand::redo() { m_doc->insertNote(m_note, m_doc->workflow().notes.size()); }

void AddNoteCommand::undo() { m_doc->removeNote(m_note.id); }

DeleteNotesCommand::DeleteNotesCommand(GraphDocument *doc, std::set<std::string> ids) : m_doc(doc), m_ids(std::move(ids))
{
    setText(m_ids.size() == 1 ? QCoreApplication::translate("NoteCommands", "Delete note")
                              : QCoreApplication::translate("NoteCommands", "Delete notes"));
}

void DeleteNotesCommand::redo()
{
    m_removed.clear();
    for (const auto &id : m_ids)
        if (auto gone = m_doc->removeNote(id))
            m_removed.push_back(std::move(*gone));
}

void DeleteNotesCommand::undo()
{
    // Back in the reverse order of removal, so each index is the one it had.
    for (auto it = m_removed.rbegin(); it != m_removed.rend(); ++it)
        m_doc->insertNote(it->first, it->second);
    m_removed.clear();
}

EditNoteCommand::EditNoteCommand(GraphDocument *doc, engine::NoteSpec after, const QString &text)
    : m_doc(doc), m_after(std::move(after))
{
    if (const auto *now = doc->note(m_after.id))
        m_before = *now;
    else
        setObsolete(true);
    setText(text);
}

void EditNoteCommand::redo() { m_doc->setNote(m_after); }

void EditNoteCommand::undo() { m_doc->setNote(m_before); }

MoveNotesCommand::MoveNotesCommand(GraphDocument *doc, std::map<std::string, std::array<double, 2>> to)
    : m_doc(doc), m_to(std::move(to))
{
    for (const auto &[id, pos] : m_to)
        if (const auto *n = doc->note(id))
            m_from[id] = n->position;
    setText(m_to.size() == 1 ? QCoreApplication::translate("NoteCommands", "Move note")
                             : QCoreApplication::translate("NoteCommands", "Move notes"));
}

void MoveNotesCommand::place(const std::map<std::string, std::array<double, 2>> &where)
{
    for (const auto &[id, pos] : where)
        if (const auto *n = m_doc->note(id)) {
            engine::NoteSpec moved = *n;
            moved.position = pos;
            m_doc->setNote(std::move(moved));
        }
}

void MoveNotesCommand::redo() { place(m_to); }

void MoveNotesCommand::undo() { place(m_from); }

bool MoveNotesCommand::mergeWith(const QUndoCommand *other)
{
    const auto *move = static_cast<const MoveNotesCommand *>(other);
    if (move->m_doc != m_doc || move->m_to.size() != m_to.size())
        return false;
    for (const auto &[id, pos] : move->m_to)
        if (!m_to.count(id))
            return false;
    m_to = move->m_to;
    return true;
}

} // namespace studio
} // namespace flowdeck
