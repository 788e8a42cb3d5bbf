"""0001_initial, frozen as released in 0.1.0: the schema every later migration starts from.

Generated once from the 0.1.0 register declarations. Never edit it: a change to a declaration
(a new field, a new searchable column) is a new numbered migration beside this one.
"""

from __future__ import annotations

from sqlite_utils import Database

SQL = """
CREATE TABLE [incoming_document] (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  voided_at TEXT,
  void_reason TEXT,
  [serial] TEXT,
  [received_at] TEXT,
  [receiver] TEXT,
  [sender] TEXT,
  [sender_ref] TEXT,
  [doc_type] TEXT,
  [title] TEXT,
  [issued_on] TEXT,
  [secrecy] TEXT,
  [secrecy_term] TEXT,
  [copy_no] TEXT,
  [urgency] TEXT,
  [copies] INTEGER,
  [pages] INTEGER,
  [enclosures] TEXT,
  [handling] TEXT,
  [review_result] TEXT,
  [return_reason] TEXT,
  [proposal] TEXT,
  [proposer] TEXT,
  [proposed_on] TEXT,
  [instruction] TEXT,
  [instructed_by] TEXT,
  [instructed_on] TEXT,
  [lead_dept] TEXT,
  [assist_depts] TEXT,
  [handler] TEXT,
  [due_date] TEXT,
  [due_n] INTEGER,
  [due_unit] TEXT,
  [due_estimated] INTEGER,
  [result] TEXT,
  [done_on] TEXT,
  [reply_ref] TEXT,
  [replied_on] TEXT,
  [archive_no] TEXT,
  [status] TEXT,
  [remarks] TEXT
, [ref_key] TEXT);
CREATE INDEX [idx_incoming_document_received_at] ON [incoming_document]([received_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_incoming_document_sender] ON [incoming_document]([sender], [received_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_incoming_document_sender_ref] ON [incoming_document]([sender_ref], [received_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_incoming_document_doc_type] ON [incoming_document]([doc_type], [received_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_incoming_document_title] ON [incoming_document]([title], [received_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_incoming_document_secrecy] ON [incoming_document]([secrecy], [received_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_incoming_document_urgency] ON [incoming_document]([urgency], [received_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_incoming_document_handling] ON [incoming_document]([handling], [received_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_incoming_document_lead_dept] ON [incoming_document]([lead_dept], [received_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_incoming_document_handler] ON [incoming_document]([handler], [received_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_incoming_document_due_date] ON [incoming_document]([due_date], [received_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_incoming_document_done_on] ON [incoming_document]([done_on], [received_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_incoming_document_status] ON [incoming_document]([status], [received_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_incoming_document_remarks] ON [incoming_document]([remarks], [received_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_incoming_document_voided] ON [incoming_document](voided_at) WHERE voided_at IS NOT NULL;
CREATE INDEX [idx_incoming_document_live] ON [incoming_document](id) WHERE voided_at IS NULL;
CREATE UNIQUE INDEX [idx_incoming_document_uuid] ON [incoming_document](uuid);
CREATE UNIQUE INDEX [idx_incoming_document_serial_unique] ON [incoming_document]([serial]);
CREATE INDEX [idx_incoming_document_ref_key] ON [incoming_document]([ref_key]) WHERE voided_at IS NULL;
CREATE VIRTUAL TABLE [incoming_document_fts] USING fts5(serial, sender, sender_ref, title, remarks, py, content='', columnsize=0, tokenize='ascii');
CREATE TABLE [supervision_item] (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  voided_at TEXT,
  void_reason TEXT,
  [serial] TEXT,
  [source] TEXT,
  [assigned_on] TEXT,
  [content] TEXT,
  [instruction] TEXT,
  [lead_unit] TEXT,
  [assist_units] TEXT,
  [leader] TEXT,
  [owner] TEXT,
  [due_date] TEXT,
  [done_on] TEXT,
  [status] TEXT,
  [remarks] TEXT
);
CREATE INDEX [idx_supervision_item_source] ON [supervision_item]([source], [assigned_on]) WHERE voided_at IS NULL;
CREATE INDEX [idx_supervision_item_assigned_on] ON [supervision_item]([assigned_on]) WHERE voided_at IS NULL;
CREATE INDEX [idx_supervision_item_content] ON [supervision_item]([content], [assigned_on]) WHERE voided_at IS NULL;
CREATE INDEX [idx_supervision_item_lead_unit] ON [supervision_item]([lead_unit], [assigned_on]) WHERE voided_at IS NULL;
CREATE INDEX [idx_supervision_item_leader] ON [supervision_item]([leader], [assigned_on]) WHERE voided_at IS NULL;
CREATE INDEX [idx_supervision_item_owner] ON [supervision_item]([owner], [assigned_on]) WHERE voided_at IS NULL;
CREATE INDEX [idx_supervision_item_due_date] ON [supervision_item]([due_date], [assigned_on]) WHERE voided_at IS NULL;
CREATE INDEX [idx_supervision_item_done_on] ON [supervision_item]([done_on], [assigned_on]) WHERE voided_at IS NULL;
CREATE INDEX [idx_supervision_item_status] ON [supervision_item]([status], [assigned_on]) WHERE voided_at IS NULL;
CREATE INDEX [idx_supervision_item_remarks] ON [supervision_item]([remarks], [assigned_on]) WHERE voided_at IS NULL;
CREATE INDEX [idx_supervision_item_voided] ON [supervision_item](voided_at) WHERE voided_at IS NOT NULL;
CREATE INDEX [idx_supervision_item_live] ON [supervision_item](id) WHERE voided_at IS NULL;
CREATE UNIQUE INDEX [idx_supervision_item_uuid] ON [supervision_item](uuid);
CREATE UNIQUE INDEX [idx_supervision_item_serial_unique] ON [supervision_item]([serial]);
CREATE VIRTUAL TABLE [supervision_item_fts] USING fts5(serial, content, lead_unit, remarks, py, content='', columnsize=0, tokenize='ascii');
CREATE TABLE [meeting] (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  voided_at TEXT,
  void_reason TEXT,
  [name] TEXT,
  [category] TEXT,
  [starts_at] TEXT,
  [ends_at] TEXT,
  [room] TEXT,
  [host_dept] TEXT,
  [chair] TEXT,
  [requirements] TEXT,
  [remarks] TEXT
);
CREATE INDEX [idx_meeting_name] ON [meeting]([name], [starts_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_meeting_category] ON [meeting]([category], [starts_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_meeting_starts_at] ON [meeting]([starts_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_meeting_ends_at] ON [meeting]([ends_at], [starts_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_meeting_room] ON [meeting]([room], [starts_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_meeting_host_dept] ON [meeting]([host_dept], [starts_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_meeting_chair] ON [meeting]([chair], [starts_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_meeting_remarks] ON [meeting]([remarks], [starts_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_meeting_voided] ON [meeting](voided_at) WHERE voided_at IS NOT NULL;
CREATE INDEX [idx_meeting_live] ON [meeting](id) WHERE voided_at IS NULL;
CREATE UNIQUE INDEX [idx_meeting_uuid] ON [meeting](uuid);
CREATE VIRTUAL TABLE [meeting_fts] USING fts5(name, room, chair, remarks, py, content='', columnsize=0, tokenize='ascii');
CREATE TABLE [visitor] (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  voided_at TEXT,
  void_reason TEXT,
  [arrived_at] TEXT,
  [name] TEXT,
  [gender] TEXT,
  [id_type] TEXT,
  [id_number] TEXT,
  [unit] TEXT,
  [post] TEXT,
  [phone] TEXT,
  [purpose] TEXT,
  [host] TEXT,
  [companions] INTEGER,
  [plate] TEXT,
  [left_at] TEXT,
  [remarks] TEXT
);
CREATE INDEX [idx_visitor_arrived_at] ON [visitor]([arrived_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_visitor_name] ON [visitor]([name], [arrived_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_visitor_gender] ON [visitor]([gender], [arrived_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_visitor_id_number] ON [visitor]([id_number], [arrived_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_visitor_unit] ON [visitor]([unit], [arrived_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_visitor_phone] ON [visitor]([phone], [arrived_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_visitor_purpose] ON [visitor]([purpose], [arrived_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_visitor_host] ON [visitor]([host], [arrived_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_visitor_companions] ON [visitor]([companions], [arrived_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_visitor_plate] ON [visitor]([plate], [arrived_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_visitor_left_at] ON [visitor]([left_at], [arrived_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_visitor_remarks] ON [visitor]([remarks], [arrived_at]) WHERE voided_at IS NULL;
CREATE INDEX [idx_visitor_voided] ON [visitor](voided_at) WHERE voided_at IS NOT NULL;
CREATE INDEX [idx_visitor_live] ON [visitor](id) WHERE voided_at IS NULL;
CREATE UNIQUE INDEX [idx_visitor_uuid] ON [visitor](uuid);
CREATE VIRTUAL TABLE [visitor_fts] USING fts5(name, unit, purpose, remarks, py, content='', columnsize=0, tokenize='ascii');
CREATE TABLE [reception] (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  voided_at TEXT,
  void_reason TEXT,
  [kind] TEXT,
  [sending_unit] TEXT,
  [letter_ref] TEXT,
  [starts_on] TEXT,
  [ends_on] TEXT,
  [guests] INTEGER,
  [activities] TEXT,
  [remarks] TEXT
);
CREATE INDEX [idx_reception_kind] ON [reception]([kind], [starts_on]) WHERE voided_at IS NULL;
CREATE INDEX [idx_reception_sending_unit] ON [reception]([sending_unit], [starts_on]) WHERE voided_at IS NULL;
CREATE INDEX [idx_reception_letter_ref] ON [reception]([letter_ref], [starts_on]) WHERE voided_at IS NULL;
CREATE INDEX [idx_reception_starts_on] ON [reception]([starts_on]) WHERE voided_at IS NULL;
CREATE INDEX [idx_reception_ends_on] ON [reception]([ends_on], [starts_on]) WHERE voided_at IS NULL;
CREATE INDEX [idx_reception_guests] ON [reception]([guests], [starts_on]) WHERE voided_at IS NULL;
CREATE INDEX [idx_reception_activities] ON [reception]([activities], [starts_on]) WHERE voided_at IS NULL;
CREATE INDEX [idx_reception_remarks] ON [reception]([remarks], [starts_on]) WHERE voided_at IS NULL;
CREATE INDEX [idx_reception_voided] ON [reception](voided_at) WHERE voided_at IS NOT NULL;
CREATE INDEX [idx_reception_live] ON [reception](id) WHERE voided_at IS NULL;
CREATE UNIQUE INDEX [idx_reception_uuid] ON [reception](uuid);
CREATE VIRTUAL TABLE [reception_fts] USING fts5(sending_unit, letter_ref, activities, remarks, py, content='', columnsize=0, tokenize='ascii');
CREATE TABLE [petition] (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  voided_at TEXT,
  void_reason TEXT,
  [serial] TEXT,
  [form] TEXT,
  [received_on] TEXT,
  [petitioner] TEXT,
  [people] INTEGER,
  [claim] TEXT,
  [due_date] TEXT,
  [done_on] TEXT,
  [remarks] TEXT
);
CREATE INDEX [idx_petition_form] ON [petition]([form], [received_on]) WHERE voided_at IS NULL;
CREATE INDEX [idx_petition_received_on] ON [petition]([received_on]) WHERE voided_at IS NULL;
CREATE INDEX [idx_petition_petitioner] ON [petition]([petitioner], [received_on]) WHERE voided_at IS NULL;
CREATE INDEX [idx_petition_people] ON [petition]([people], [received_on]) WHERE voided_at IS NULL;
CREATE INDEX [idx_petition_claim] ON [petition]([claim], [received_on]) WHERE voided_at IS NULL;
CREATE INDEX [idx_petition_due_date] ON [petition]([due_date], [received_on]) WHERE voided_at IS NULL;
CREATE INDEX [idx_petition_done_on] ON [petition]([done_on], [received_on]) WHERE voided_at IS NULL;
CREATE INDEX [idx_petition_remarks] ON [petition]([remarks], [received_on]) WHERE voided_at IS NULL;
CREATE INDEX [idx_petition_voided] ON [petition](voided_at) WHERE voided_at IS NOT NULL;
CREATE INDEX [idx_petition_live] ON [petition](id) WHERE voided_at IS NULL;
CREATE UNIQUE INDEX [idx_petition_uuid] ON [petition](uuid);
CREATE UNIQUE INDEX [idx_petition_serial_unique] ON [petition]([serial]);
CREATE VIRTUAL TABLE [petition_fts] USING fts5(serial, petitioner, claim, remarks, py, content='', columnsize=0, tokenize='ascii');
CREATE TABLE [archive_item] (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  voided_at TEXT,
  void_reason TEXT,
  [archive_no] TEXT,
  [year] INTEGER,
  [retention] TEXT,
  [org_code] TEXT,
  [item_no] TEXT,
  [doc_ref] TEXT,
  [author] TEXT,
  [title] TEXT,
  [doc_date] TEXT,
  [secrecy] TEXT,
  [pages] INTEGER,
  [box_no] TEXT,
  [remarks] TEXT
);
CREATE INDEX [idx_archive_item_archive_no] ON [archive_item]([archive_no], [doc_date]) WHERE voided_at IS NULL;
CREATE INDEX [idx_archive_item_year] ON [archive_item]([year], [doc_date]) WHERE voided_at IS NULL;
CREATE INDEX [idx_archive_item_retention] ON [archive_item]([retention], [doc_date]) WHERE voided_at IS NULL;
CREATE INDEX [idx_archive_item_org_code] ON [archive_item]([org_code], [doc_date]) WHERE voided_at IS NULL;
CREATE INDEX [idx_archive_item_item_no] ON [archive_item]([item_no], [doc_date]) WHERE voided_at IS NULL;
CREATE INDEX [idx_archive_item_doc_ref] ON [archive_item]([doc_ref], [doc_date]) WHERE voided_at IS NULL;
CREATE INDEX [idx_archive_item_author] ON [archive_item]([author], [doc_date]) WHERE voided_at IS NULL;
CREATE INDEX [idx_archive_item_title] ON [archive_item]([title], [doc_date]) WHERE voided_at IS NULL;
CREATE INDEX [idx_archive_item_doc_date] ON [archive_item]([doc_date]) WHERE voided_at IS NULL;
CREATE INDEX [idx_archive_item_secrecy] ON [archive_item]([secrecy], [doc_date]) WHERE voided_at IS NULL;
CREATE INDEX [idx_archive_item_pages] ON [archive_item]([pages], [doc_date]) WHERE voided_at IS NULL;
CREATE INDEX [idx_archive_item_box_no] ON [archive_item]([box_no], [doc_date]) WHERE voided_at IS NULL;
CREATE INDEX [idx_archive_item_remarks] ON [archive_item]([remarks], [doc_date]) WHERE voided_at IS NULL;
CREATE INDEX [idx_archive_item_voided] ON [archive_item](voided_at) WHERE voided_at IS NOT NULL;
CREATE INDEX [idx_archive_item_live] ON [archive_item](id) WHERE voided_at IS NULL;
CREATE UNIQUE INDEX [idx_archive_item_uuid] ON [archive_item](uuid);
CREATE VIRTUAL TABLE [archive_item_fts] USING fts5(archive_no, doc_ref, author, title, remarks, py, content='', columnsize=0, tokenize='ascii');
CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE serial_counter (series TEXT PRIMARY KEY, last INTEGER NOT NULL);
CREATE TABLE holiday (day TEXT PRIMARY KEY, workday INTEGER NOT NULL, note TEXT);
CREATE TABLE department (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, voided_at TEXT, void_reason TEXT, name TEXT NOT NULL, short TEXT, py TEXT, sort INTEGER NOT NULL DEFAULT 0);
CREATE TABLE person (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, voided_at TEXT, void_reason TEXT, name TEXT NOT NULL, department TEXT, post TEXT, phone TEXT, py TEXT);
CREATE TABLE outside_unit (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, voided_at TEXT, void_reason TEXT, name TEXT NOT NULL, short TEXT, py TEXT, uses INTEGER NOT NULL DEFAULT 0);
CREATE UNIQUE INDEX idx_department_name ON department(name) WHERE voided_at IS NULL;
CREATE UNIQUE INDEX idx_person_name ON person(name) WHERE voided_at IS NULL;
CREATE UNIQUE INDEX idx_outside_unit_name ON outside_unit(name) WHERE voided_at IS NULL;
CREATE TABLE attachment (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, voided_at TEXT, void_reason TEXT, register TEXT NOT NULL, record_id INTEGER NOT NULL, filename TEXT NOT NULL, stored_name TEXT NOT NULL, size INTEGER NOT NULL, note TEXT);
CREATE INDEX idx_attachment_record ON attachment(register, record_id);
CREATE TABLE document_instruction (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, voided_at TEXT, void_reason TEXT, document_id INTEGER NOT NULL REFERENCES incoming_document(id), leader TEXT NOT NULL, given_on TEXT, text TEXT NOT NULL);
CREATE TABLE document_circulation (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, voided_at TEXT, void_reason TEXT, document_id INTEGER NOT NULL REFERENCES incoming_document(id), reader TEXT NOT NULL, sent_at TEXT NOT NULL, returned_at TEXT, note TEXT);
CREATE TABLE document_reminder (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, voided_at TEXT, void_reason TEXT, document_id INTEGER NOT NULL REFERENCES incoming_document(id), reminded_on TEXT NOT NULL, method TEXT, reminded_by TEXT, answer TEXT);
CREATE INDEX idx_document_instruction_document ON document_instruction(document_id);
CREATE INDEX idx_document_circulation_document ON document_circulation(document_id);
CREATE INDEX idx_document_reminder_document ON document_reminder(document_id);
CREATE UNIQUE INDEX idx_department_uuid ON department(uuid);
CREATE UNIQUE INDEX idx_person_uuid ON person(uuid);
CREATE UNIQUE INDEX idx_outside_unit_uuid ON outside_unit(uuid);
CREATE UNIQUE INDEX idx_attachment_uuid ON attachment(uuid);
CREATE UNIQUE INDEX idx_document_instruction_uuid ON document_instruction(uuid);
CREATE UNIQUE INDEX idx_document_circulation_uuid ON document_circulation(uuid);
CREATE UNIQUE INDEX idx_document_reminder_uuid ON document_reminder(uuid);
"""


def apply(db: Database) -> None:
    """Every register, settings, the directory, serial counters, attachments and holidays."""
    for statement in SQL.split(";\n"):
        if statement.strip():
            db.execute(statement)
