-- Every text people type has a length limit. Without one a juror's single UPDATE of a comment
-- added 190 MB to the ledger, which keeps old and new values for good, and a representative's
-- 19 MB "word" passed the 600-word limit into the audit log: enough such writes would fill the
-- server's disk in one write. The limits are generous for the award's texts. ECPACore's
-- EntryForm checks the entry's with the same numbers (SharedRulesTests holds both to them).
--
-- Each constraint is validated against the rows written before. A constraint an older row breaks
-- stays NOT VALID, with a warning naming it: new writes are still held to it, and that row must be
-- shortened in the same update as any other change to it. Nothing is cut short here.
SET ROLE ecpa_owner;

-- Whether every text of an array is at most p_limit characters long.
CREATE FUNCTION ecpa.all_within(p_texts text[], p_limit integer) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
        SELECT NOT EXISTS (SELECT FROM pg_catalog.unnest(p_texts) t
                           WHERE pg_catalog.char_length(t) OPERATOR(pg_catalog.>) p_limit)
    $$;

ALTER TABLE ecpa.entries
    ADD CONSTRAINT entries_contact_length CHECK (
        char_length(contact_name) <= 200 AND char_length(contact_organisation) <= 200
        AND char_length(contact_email) <= 254 AND char_length(contact_phone) <= 50) NOT VALID,
    ADD CONSTRAINT entries_links_length CHECK (
        cardinality(links) <= 20 AND ecpa.all_within(links, 2000)) NOT VALID,
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

DO $$
DECLARE
    c record;
BEGIN
    FOR c IN SELECT conrelid::regclass AS tab, conname FROM pg_constraint
             WHERE connamespace = 'ecpa'::regnamespace AND NOT convalidated AND contype = 'c'
               AND conname ~ '_length$' ORDER BY conname LOOP
        BEGIN
            EXECUTE format('ALTER TABLE %s VALIDATE CONSTRAINT %I', c.tab, c.conname);
        EXCEPTION WHEN check_violation THEN
            RAISE WARNING 'constraint % of % is left NOT VALID: a row written before breaks it (find it with SELECT ... WHERE NOT (%))',
                c.conname, c.tab, pg_get_constraintdef((SELECT oid FROM pg_constraint WHERE conname = c.conname AND conrelid = c.tab));
        END;
    END LOOP;
END
$$;

RESET ROLE;
