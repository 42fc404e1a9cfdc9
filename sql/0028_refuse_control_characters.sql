-- Text people type holds no character a terminal acts on instead of showing. A representative's
-- entry title holding terminal escape codes cleared the secretariat's screen and printed a fake
-- message in red when the secretariat listed the entries; a lone carriage return overwrote a line;
-- bidirectional overrides showed a title backwards. Refused: control characters (C0, DEL, C1),
-- zero-width spaces, left-to-right and right-to-left marks, line and paragraph separators,
-- bidirectional embeddings, overrides and isolates, byte order marks. Names, titles, contact
-- details and links are single lines; long answers, comments, reasons and notes may break lines
-- (LF or CR LF) and hold tabs. The constraints apply to every new write; rows written before are
-- left as they are (NOT VALID), and ecpa shows any such character on a terminal by its name.
-- ECPACore's ControlCharacters is the same rule.
SET ROLE ecpa_owner;

-- Whether a text is free of control characters (C0, DEL and C1); with p_multiline, tab, line
-- feed and carriage return are allowed.
CREATE FUNCTION ecpa.is_clean_text(p_text text, p_multiline boolean) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
        SELECT CASE WHEN p_multiline
                    THEN p_text !~ '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]'
                         AND p_text !~ '\r(?!\n)'
                    ELSE p_text !~ '[\u0001-\u001f\u007f-\u009f\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]' END
    $$;

ALTER TABLE ecpa.entries
    ADD CONSTRAINT entries_single_lines_clean CHECK (
        ecpa.is_clean_text(title, false) AND ecpa.is_clean_text(contact_name, false)
        AND ecpa.is_clean_text(contact_organisation, false) AND ecpa.is_clean_text(contact_email, false)
        AND ecpa.is_clean_text(contact_phone, false) AND ecpa.is_clean_text(array_to_string(links, ' '), false)) NOT VALID,
    ADD CONSTRAINT entries_answers_clean CHECK (
        ecpa.is_clean_text(description, true) AND ecpa.is_clean_text(objectives, true)
        AND ecpa.is_clean_text(target_group, true) AND ecpa.is_clean_text(evaluation_method, true)
        AND ecpa.is_clean_text(evaluation_results, true) AND ecpa.is_clean_text(innovation, true)
        AND ecpa.is_clean_text(partners, true) AND ecpa.is_clean_text(transferability, true)
        AND ecpa.is_clean_text(costs_funding, true) AND ecpa.is_clean_text(ineligible_reason, true)) NOT VALID;
ALTER TABLE ecpa.people
    ADD CONSTRAINT people_text_clean CHECK (
        ecpa.is_clean_text(display_name, false) AND ecpa.is_clean_text(email, false)) NOT VALID;
ALTER TABLE ecpa.jurors
    ADD CONSTRAINT jurors_text_clean CHECK (ecpa.is_clean_text(display_name, false)) NOT VALID;
ALTER TABLE ecpa.editions
    ADD CONSTRAINT editions_text_clean CHECK (
        ecpa.is_clean_text(theme, false) AND ecpa.is_clean_text(host_city, false)) NOT VALID;
ALTER TABLE ecpa.scores
    ADD CONSTRAINT scores_comment_clean CHECK (ecpa.is_clean_text(comment, true)) NOT VALID;
ALTER TABLE ecpa.abstentions
    ADD CONSTRAINT abstentions_comment_clean CHECK (ecpa.is_clean_text(comment, true)) NOT VALID;
ALTER TABLE ecpa.declared_conflicts
    ADD CONSTRAINT declared_conflicts_reason_clean CHECK (ecpa.is_clean_text(reason, true)) NOT VALID;
ALTER TABLE ecpa.late_acceptances
    ADD CONSTRAINT late_acceptances_reason_clean CHECK (ecpa.is_clean_text(reason, true)) NOT VALID;
ALTER TABLE ecpa.overrides
    ADD CONSTRAINT overrides_reason_clean CHECK (ecpa.is_clean_text(reason, true)) NOT VALID;
ALTER TABLE ecpa.schemes
    ADD CONSTRAINT schemes_text_clean CHECK (
        ecpa.is_clean_text(name, false) AND ecpa.is_clean_text(note, true) AND ecpa.is_clean_text(source_text, true)) NOT VALID;
ALTER TABLE ecpa.criteria
    ADD CONSTRAINT criteria_text_clean CHECK (
        ecpa.is_clean_text(name, false) AND ecpa.is_clean_text(description, true)) NOT VALID;
ALTER TABLE ecpa.archive_editions
    ADD CONSTRAINT archive_editions_text_clean CHECK (
        ecpa.is_clean_text(host_city, false) AND ecpa.is_clean_text(conference_dates, false)
        AND ecpa.is_clean_text(theme, false) AND ecpa.is_clean_text(host_note, true)
        AND ecpa.is_clean_text(theme_note, true) AND ecpa.is_clean_text(note, true)
        AND ecpa.is_clean_text(source, false)) NOT VALID;
ALTER TABLE ecpa.archive_awards
    ADD CONSTRAINT archive_awards_text_clean CHECK (
        ecpa.is_clean_text(title, false) AND ecpa.is_clean_text(note, true) AND ecpa.is_clean_text(source, false)) NOT VALID;

RESET ROLE;
