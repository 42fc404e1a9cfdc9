-- Every text people type has a length limit. Without one a juror's single UPDATE of a comment
-- added 190 MB to the ledger, which keeps old and new values for good, and a representative's
-- 19 MB "word" passed the 600-word limit into the audit log: enough such writes would fill the
-- server's disk. The limits are generous for the award's texts; the constraints apply to every
-- new write (rows written before are left as they are). ECPACore's EntryForm checks the entry's.
SET ROLE ecpa_owner;

ALTER TABLE ecpa.entries
    ADD CONSTRAINT entries_contact_length CHECK (
        char_length(contact_name) <= 200 AND char_length(contact_organisation) <= 200
        AND char_length(contact_email) <= 254 AND char_length(contact_phone) <= 50) NOT VALID,
    ADD CONSTRAINT entries_links_length CHECK (
        cardinality(links) <= 20 AND char_length(array_to_string(links, ' ')) <= 20 * 2000) NOT VALID,
    ADD CONSTRAINT entries_answers_length CHECK (
        char_length(description) <= 10000 AND char_length(objectives) <= 10000
        AND char_length(target_group) <= 10000 AND char_length(evaluation_method) <= 10000
        AND char_length(evaluation_results) <= 10000 AND char_length(innovation) <= 10000
        AND char_length(partners) <= 10000 AND char_length(transferability) <= 10000
        AND char_length(costs_funding) <= 10000 AND char_length(ineligible_reason) <= 2000) NOT VALID;
ALTER TABLE ecpa.scores ADD CONSTRAINT scores_comment_length CHECK (char_length(comment) <= 2000) NOT VALID;
ALTER TABLE ecpa.abstentions ADD CONSTRAINT abstentions_comment_length CHECK (char_length(comment) <= 2000) NOT VALID;
ALTER TABLE ecpa.declared_conflicts ADD CONSTRAINT declared_conflicts_reason_length CHECK (char_length(reason) <= 2000) NOT VALID;
ALTER TABLE ecpa.late_acceptances ADD CONSTRAINT late_acceptances_reason_length CHECK (char_length(reason) <= 2000) NOT VALID;
ALTER TABLE ecpa.overrides ADD CONSTRAINT overrides_reason_length CHECK (char_length(reason) <= 2000) NOT VALID;
ALTER TABLE ecpa.people ADD CONSTRAINT people_text_length CHECK (
    char_length(display_name) <= 200 AND char_length(email) <= 254) NOT VALID;
ALTER TABLE ecpa.jurors ADD CONSTRAINT jurors_text_length CHECK (char_length(display_name) <= 200) NOT VALID;
ALTER TABLE ecpa.editions ADD CONSTRAINT editions_text_length CHECK (
    char_length(theme) <= 300 AND char_length(host_city) <= 100) NOT VALID;
ALTER TABLE ecpa.schemes ADD CONSTRAINT schemes_text_length CHECK (
    char_length(name) <= 200 AND char_length(note) <= 2000 AND char_length(source_text) <= 100000) NOT VALID;
ALTER TABLE ecpa.criteria ADD CONSTRAINT criteria_text_length CHECK (
    char_length(name) <= 200 AND char_length(description) <= 2000) NOT VALID;
ALTER TABLE ecpa.archive_editions ADD CONSTRAINT archive_editions_text_length CHECK (
    char_length(host_city) <= 100 AND char_length(conference_dates) <= 100 AND char_length(theme) <= 300
    AND char_length(host_note) <= 2000 AND char_length(theme_note) <= 2000 AND char_length(note) <= 2000
    AND char_length(source) <= 2000) NOT VALID;
ALTER TABLE ecpa.archive_awards ADD CONSTRAINT archive_awards_text_length CHECK (
    char_length(title) <= 300 AND char_length(note) <= 2000 AND char_length(source) <= 2000) NOT VALID;

RESET ROLE;
