-- Text people type holds no character a terminal acts on instead of showing. A representative's
-- entry title holding terminal escape codes cleared the secretariat's screen and printed a fake
-- message in red when the secretariat listed the entries; a lone carriage return overwrote a line;
-- bidirectional overrides showed a title backwards. Refused: control characters (C0, DEL, C1),
-- zero-width spaces, left-to-right and right-to-left marks, line and paragraph separators,
-- bidirectional embeddings, overrides and isolates, byte order marks. Names, titles, contact
-- details and links are single lines; long answers, comments, reasons and notes may break lines
-- (LF or CR LF) and hold tabs. ECPACore's ControlCharacters is the same rule.
--
-- Rows written before hold such characters only where an older ecpa let them in (a tab in a
-- title, say). A constraint left NOT VALID would still be checked on every later update of such
-- a row, so the row could not even be withdrawn; instead this migration cleans those rows (a
-- single line's breaks and tabs become spaces, a lone CR a line break, the rest is dropped),
-- writes each change to the audit log, and then validates every constraint.
SET ROLE ecpa_owner;

-- Whether a text is free of control characters (C0, DEL and C1); with p_multiline, tab, line
-- feed and carriage return are allowed.
-- No SET clause and only qualified operators, so that PostgreSQL inlines it into the constraints
-- (a score import checks it on every row) while no search path can change what it calls.
CREATE FUNCTION ecpa.is_clean_text(p_text text, p_multiline boolean) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
        SELECT CASE WHEN p_multiline
                    THEN p_text OPERATOR(pg_catalog.!~) '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]'
                         AND p_text OPERATOR(pg_catalog.!~) '\r(?!\n)'
                    ELSE p_text OPERATOR(pg_catalog.!~) '[\u0001-\u001f\u007f-\u009f\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]' END
    $$;

-- The text with what is_clean_text refuses replaced: on a single line, breaks and tabs become a
-- space; in a long text, a lone CR and the Unicode line and paragraph separators become a line
-- feed; every other refused character is dropped. Used once, below, on rows written before.
CREATE FUNCTION pg_temp.cleaned(p_text text, p_multiline boolean) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$
        SELECT CASE WHEN p_multiline
                    THEN pg_catalog.regexp_replace(
                             pg_catalog.regexp_replace(p_text, '\r(?!\n)|[\u2028\u2029]', E'\n', 'g'),
                             '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]', '', 'g')
                    ELSE pg_catalog.regexp_replace(
                             pg_catalog.regexp_replace(p_text, '[\t\n\r\u2028\u2029]+', ' ', 'g'),
                             '[\u0001-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]', '', 'g') END
    $$;

-- Cleans the rows of one table that break is_clean_text, with its triggers off (a frozen edition's
-- guard would refuse the change, and it is no person's change), and writes each changed row to the
-- audit log as the triggers would. `p_single` and `p_multi` name the single-line and long columns;
-- a single-line column of type text[] is cleaned element by element.
CREATE FUNCTION pg_temp.clean_rows(p_table text, p_key text[], p_single text[], p_multi text[]) RETURNS void
    LANGUAGE plpgsql
    AS $$
DECLARE
    v_dirty text;
    v_set text;
    v_count bigint;
BEGIN
    SELECT string_agg(CASE WHEN a.atttypid = 'text[]'::regtype
                           THEN format('NOT coalesce(ecpa.is_clean_text(array_to_string(%I, '' ''), false), true)', c.name)
                           ELSE format('NOT coalesce(ecpa.is_clean_text(%I, %L), true)', c.name, c.multi) END, ' OR '),
           string_agg(CASE WHEN a.atttypid = 'text[]'::regtype
                           THEN format('%I = ARRAY(SELECT pg_temp.cleaned(x, false) FROM unnest(t.%I) x)', c.name, c.name)
                           ELSE format('%I = pg_temp.cleaned(t.%I, %L)', c.name, c.name, c.multi) END, ', ')
      INTO v_dirty, v_set
      FROM (SELECT unnest(p_single) AS name, false AS multi UNION ALL SELECT unnest(p_multi), true) c
      JOIN pg_attribute a ON a.attrelid = ('ecpa.' || p_table)::regclass AND a.attname = c.name;
    EXECUTE format('ALTER TABLE ecpa.%I DISABLE TRIGGER USER', p_table);
    EXECUTE format($q$
        WITH old AS (SELECT t.ctid AS row_id, to_jsonb(t) AS row FROM ecpa.%1$I t WHERE %2$s),
             changed AS (UPDATE ecpa.%1$I t SET %3$s FROM old WHERE t.ctid = old.row_id
                         RETURNING old.row AS old_row, to_jsonb(t) AS new_row)
        INSERT INTO ecpa.audit_log (at, table_name, row_key, action, old_row, new_row)
        SELECT clock_timestamp(), %4$L,
               (SELECT string_agg(new_row ->> k, '/') FROM unnest(%5$L::text[]) k), 'update', old_row, new_row
        FROM changed$q$, p_table, v_dirty, v_set, p_table, p_key);
    GET DIAGNOSTICS v_count = ROW_COUNT;
    EXECUTE format('ALTER TABLE ecpa.%I ENABLE TRIGGER USER', p_table);
    IF v_count > 0 THEN
        RAISE WARNING 'ecpa.%: % row(s) written before held control characters; they were cleaned, and the audit log holds each row before and after',
            p_table, v_count;
    END IF;
END
$$;

SELECT pg_temp.clean_rows('entries', '{id}',
    '{title,contact_name,contact_organisation,contact_email,contact_phone,links}',
    '{description,objectives,target_group,evaluation_method,evaluation_results,innovation,partners,transferability,costs_funding,ineligible_reason}');
SELECT pg_temp.clean_rows('people', '{role_name}', '{display_name,email}', '{}');
SELECT pg_temp.clean_rows('jurors', '{id}', '{display_name}', '{}');
SELECT pg_temp.clean_rows('editions', '{id}', '{theme,host_city}', '{}');
SELECT pg_temp.clean_rows('scores', '{entry_id,juror_id,criterion_code}', '{}', '{comment}');
SELECT pg_temp.clean_rows('abstentions', '{entry_id,juror_id}', '{}', '{comment}');
SELECT pg_temp.clean_rows('declared_conflicts', '{juror_id,entry_id}', '{}', '{reason}');
SELECT pg_temp.clean_rows('late_acceptances', '{id}', '{}', '{reason}');
SELECT pg_temp.clean_rows('overrides', '{edition_id,entry_id}', '{}', '{reason}');
SELECT pg_temp.clean_rows('schemes', '{edition_id}', '{name}', '{note,source_text}');
SELECT pg_temp.clean_rows('criteria', '{edition_id,code}', '{name}', '{description}');
SELECT pg_temp.clean_rows('archive_editions', '{year}', '{host_city,conference_dates,theme,source}', '{host_note,theme_note,note}');
SELECT pg_temp.clean_rows('archive_awards', '{id}', '{title,source}', '{note}');

ALTER TABLE ecpa.entries
    ADD CONSTRAINT entries_single_lines_clean CHECK (
        ecpa.is_clean_text(title, false) AND ecpa.is_clean_text(contact_name, false)
        AND ecpa.is_clean_text(contact_organisation, false) AND ecpa.is_clean_text(contact_email, false)
        AND ecpa.is_clean_text(contact_phone, false) AND ecpa.is_clean_text(array_to_string(links, ' '), false)),
    ADD CONSTRAINT entries_answers_clean CHECK (
        ecpa.is_clean_text(description, true) AND ecpa.is_clean_text(objectives, true)
        AND ecpa.is_clean_text(target_group, true) AND ecpa.is_clean_text(evaluation_method, true)
        AND ecpa.is_clean_text(evaluation_results, true) AND ecpa.is_clean_text(innovation, true)
        AND ecpa.is_clean_text(partners, true) AND ecpa.is_clean_text(transferability, true)
        AND ecpa.is_clean_text(costs_funding, true) AND ecpa.is_clean_text(ineligible_reason, true));
ALTER TABLE ecpa.people
    ADD CONSTRAINT people_text_clean CHECK (
        ecpa.is_clean_text(display_name, false) AND ecpa.is_clean_text(email, false));
ALTER TABLE ecpa.jurors
    ADD CONSTRAINT jurors_text_clean CHECK (ecpa.is_clean_text(display_name, false));
ALTER TABLE ecpa.editions
    ADD CONSTRAINT editions_text_clean CHECK (
        ecpa.is_clean_text(theme, false) AND ecpa.is_clean_text(host_city, false));
ALTER TABLE ecpa.scores
    ADD CONSTRAINT scores_comment_clean CHECK (ecpa.is_clean_text(comment, true));
ALTER TABLE ecpa.abstentions
    ADD CONSTRAINT abstentions_comment_clean CHECK (ecpa.is_clean_text(comment, true));
ALTER TABLE ecpa.declared_conflicts
    ADD CONSTRAINT declared_conflicts_reason_clean CHECK (ecpa.is_clean_text(reason, true));
ALTER TABLE ecpa.late_acceptances
    ADD CONSTRAINT late_acceptances_reason_clean CHECK (ecpa.is_clean_text(reason, true));
ALTER TABLE ecpa.overrides
    ADD CONSTRAINT overrides_reason_clean CHECK (ecpa.is_clean_text(reason, true));
ALTER TABLE ecpa.schemes
    ADD CONSTRAINT schemes_text_clean CHECK (
        ecpa.is_clean_text(name, false) AND ecpa.is_clean_text(note, true) AND ecpa.is_clean_text(source_text, true));
ALTER TABLE ecpa.criteria
    ADD CONSTRAINT criteria_text_clean CHECK (
        ecpa.is_clean_text(name, false) AND ecpa.is_clean_text(description, true));
ALTER TABLE ecpa.archive_editions
    ADD CONSTRAINT archive_editions_text_clean CHECK (
        ecpa.is_clean_text(host_city, false) AND ecpa.is_clean_text(conference_dates, false)
        AND ecpa.is_clean_text(theme, false) AND ecpa.is_clean_text(host_note, true)
        AND ecpa.is_clean_text(theme_note, true) AND ecpa.is_clean_text(note, true)
        AND ecpa.is_clean_text(source, false));
ALTER TABLE ecpa.archive_awards
    ADD CONSTRAINT archive_awards_text_clean CHECK (
        ecpa.is_clean_text(title, false) AND ecpa.is_clean_text(note, true) AND ecpa.is_clean_text(source, false));


DROP FUNCTION pg_temp.clean_rows(text, text[], text[], text[]), pg_temp.cleaned(text, boolean);

RESET ROLE;
