-- Text people type holds no control characters. A representative's entry title holding terminal
-- escape codes cleared the secretariat's screen and printed a fake message in red when the
-- secretariat listed the entries. Names, titles, contact details and links are single lines;
-- long answers, comments and reasons may break lines and hold tabs. The constraints apply to
-- every new write; rows written before are left as they are (NOT VALID), and ecpa prints any
-- control character in them as its name. ECPACore's ControlCharacters is the same rule.
SET ROLE ecpa_owner;

-- Whether a text is free of control characters (C0, DEL and C1); with p_multiline, tab, line
-- feed and carriage return are allowed.
CREATE FUNCTION ecpa.is_clean_text(p_text text, p_multiline boolean) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
        SELECT CASE WHEN p_multiline THEN p_text !~ '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]'
                    ELSE p_text !~ '[\u0001-\u001f\u007f-\u009f]' END
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

RESET ROLE;
