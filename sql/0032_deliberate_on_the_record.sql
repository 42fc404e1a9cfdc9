-- What the jury decides, on the record (issue "what the jury decides"), first part: the
-- declaration says whether a deliberation follows scoring and which result decides the medals;
-- closing round 1 seals the jurors' scores; in the deliberation a juror revises their scores of the
-- entries under discussion, each revision with its reason, kept beside round 1.
--
-- The deliberation is a stage of the scoring phase, not a phase of its own: every rule that holds
-- "once scoring has opened" (the scheme, the jury, the conflicts, the declaration) keeps holding,
-- and every guard that reads the phase keeps reading it. Scores are written only while scoring is
-- open; once the deliberation has begun, scoring never opens again, so the scores table holds round
-- 1 for good. A revision is a row of its own in ecpa.revisions, written only by the owner-run
-- ecpa.revise_score, and carried into the score ledger as a batch whose operation names the
-- revision and the SHA-256 of its reason.
SET ROLE ecpa_owner;

-- A text shows something: a character that is not a space, a format or joining mark, a variation
-- selector, a Hangul or Braille filler, a tag character or a combining mark on its own (0031 only
-- left out spaces; a reason of U+2060 alone printed as nothing). VisibleText in Swift is the same.
CREATE OR REPLACE FUNCTION ecpa.has_text(p_text text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
        SELECT p_text OPERATOR(pg_catalog.~)
            '[^\u0009-\u000d\u0020\u0085\u00a0\u00ad\u0300-\u036f\u034f\u061c\u115f\u1160\u1680\u17b4\u17b5\u180b-\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u2800\u3000\u3164\ufe00-\ufe0f\ufeff\uffa0\U000e0000-\U000e007f]'
    $$;

-- The decision settings, part of the scheme and so of the declaration.
ALTER TABLE ecpa.schemes
    ADD COLUMN decision_deliberation boolean NOT NULL DEFAULT false,
    ADD COLUMN decision_decided_by text NOT NULL DEFAULT 'scores'
        CHECK (decision_decided_by IN ('scores', 'revised-scores')),
    ADD CONSTRAINT schemes_revised_scores_need_deliberation
        CHECK (decision_decided_by <> 'revised-scores' OR decision_deliberation),
    ALTER COLUMN decision_deliberation SET STATISTICS 0,
    ALTER COLUMN decision_decided_by SET STATISTICS 0;
GRANT INSERT (decision_deliberation, decision_decided_by), UPDATE (decision_deliberation, decision_decided_by)
    ON ecpa.schemes TO ecpa_secretariat;

-- The declaration gains its [decision] section (declarations written before keep their text and
-- read back with the defaults, which is what their schemes hold).
CREATE OR REPLACE FUNCTION ecpa.declaration_text(p_edition bigint) RETURNS text
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    SET standard_conforming_strings = on
    AS $$
        SELECT concat_ws(E'\n',
            '# The declaration of the ' || e.year || ' edition of the European Crime Prevention Award:',
            '# its scoring scheme and analysis settings, sealed when scoring opened.',
            'name = ' || ecpa.toml_string(s.name),
            CASE WHEN s.note IS NOT NULL THEN 'note = ' || ecpa.toml_string(s.note) END,
            'method = ' || ecpa.toml_string(s.method),
            'tie_breaks = [' || array_to_string(ARRAY(SELECT ecpa.toml_string(t) FROM unnest(s.tie_breaks) t), ', ') || ']',
            (SELECT string_agg(concat_ws(E'\n',
                        '',
                        '[criteria.' || c.code || ']',
                        'name = ' || ecpa.toml_string(c.name),
                        'description = ' || ecpa.toml_string(c.description),
                        'weight = ' || trim_scale(c.weight)::text,
                        'min = ' || trim_scale(c.min_value)::text,
                        'max = ' || trim_scale(c.max_value)::text,
                        'step = ' || trim_scale(c.step)::text), E'\n' ORDER BY c.position)
             FROM ecpa.criteria c WHERE c.edition_id = p_edition),
            '',
            '[analysis]',
            'resamples = ' || s.analysis_resamples,
            'seed = ' || s.analysis_seed,
            'interval_level = ' || trim_scale(s.analysis_interval_level)::text,
            'keep_chance = ' || trim_scale(s.analysis_keep_chance)::text,
            'weight_radius = ' || trim_scale(s.analysis_weight_radius)::text,
            '',
            '[decision]',
            'deliberation = ' || s.decision_deliberation::text,
            'decided_by = ' || ecpa.toml_string(s.decision_decided_by)) || E'\n'
        FROM ecpa.editions e JOIN ecpa.schemes s ON s.edition_id = e.id
        WHERE e.id = p_edition
    $$;
REVOKE ALL ON FUNCTION ecpa.declaration_text(bigint) FROM PUBLIC;

-- The stage of the scoring phase: scores, then the deliberation when the declaration has one.
-- Nobody is granted it: ecpa.open_deliberation moves it.
ALTER TABLE ecpa.editions
    ADD COLUMN scoring_stage text NOT NULL DEFAULT 'scores' CHECK (scoring_stage IN ('scores', 'deliberation')),
    ADD CONSTRAINT editions_deliberation_after_scoring_opened
        CHECK (scoring_stage = 'scores' OR phase IN ('scoring', 'frozen', 'published')),
    ADD CONSTRAINT editions_no_scoring_during_deliberation CHECK (scoring_stage = 'scores' OR NOT scoring_open);
-- No planner statistics on a table under row-level security (0027).
ALTER TABLE ecpa.editions ALTER COLUMN scoring_stage SET STATISTICS 0;

-- The stage moves forward only, in a READ COMMITTED transaction (as a phase does), and scoring
-- does not reopen once the deliberation has begun (the CHECK above says so too, row by row).
CREATE FUNCTION ecpa.editions_guard_stage() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NEW.scoring_stage IS DISTINCT FROM OLD.scoring_stage THEN
        IF (OLD.scoring_stage, NEW.scoring_stage) IS DISTINCT FROM ('scores', 'deliberation') THEN
            RAISE EXCEPTION 'the % edition cannot go back from the deliberation to scoring', OLD.year USING ERRCODE = 'EC003';
        END IF;
        IF current_setting('transaction_isolation') <> 'read committed' THEN
            RAISE EXCEPTION 'the deliberation begins in a READ COMMITTED transaction, whose checks see what is committed now'
                USING ERRCODE = '25000';
        END IF;
    END IF;
    IF NEW.scoring_open AND NOT OLD.scoring_open AND OLD.scoring_stage = 'deliberation' THEN
        RAISE EXCEPTION 'scoring for the % edition cannot open again: its deliberation has begun and round 1 is sealed', OLD.year
            USING ERRCODE = 'EC003';
    END IF;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION ecpa.editions_guard_stage() FROM PUBLIC;
CREATE TRIGGER editions_guard_stage BEFORE UPDATE ON ecpa.editions
    FOR EACH ROW EXECUTE FUNCTION ecpa.editions_guard_stage();

-- The entries under discussion, named when the deliberation begins.
CREATE TABLE ecpa.deliberation_entries (
    edition_id bigint NOT NULL REFERENCES ecpa.editions (id),
    entry_id   bigint NOT NULL REFERENCES ecpa.entries (id),
    PRIMARY KEY (edition_id, entry_id)
);

-- Each revision of a round-1 score in the deliberation; the latest revision of a cell is its
-- round-2 value.
CREATE TABLE ecpa.revisions (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    edition_id     bigint NOT NULL REFERENCES ecpa.editions (id),
    entry_id       bigint NOT NULL REFERENCES ecpa.entries (id),
    juror_id       bigint NOT NULL REFERENCES ecpa.jurors (id),
    criterion_code text NOT NULL,
    old_value      numeric NOT NULL,
    new_value      numeric NOT NULL,
    reason         text NOT NULL CHECK (ecpa.is_clean_text(reason, false) AND ecpa.has_text(reason) AND char_length(reason) <= 500),
    at             timestamptz NOT NULL,
    actor          text NOT NULL,
    batch_id       bigint NOT NULL UNIQUE REFERENCES ecpa.score_batches (id)
);
CREATE INDEX revisions_cell ON ecpa.revisions (edition_id, entry_id, juror_id, criterion_code, id);

-- Both are written only by owner-run code, and never changed, even by it.
CREATE FUNCTION ecpa.deliberation_guard() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    RAISE EXCEPTION 'the deliberation''s record is never changed: % of % is refused', lower(TG_OP), TG_TABLE_NAME
        USING ERRCODE = '42501';
END
$$;
REVOKE ALL ON FUNCTION ecpa.deliberation_guard() FROM PUBLIC;
CREATE TRIGGER deliberation_entries_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ecpa.deliberation_entries
    FOR EACH STATEMENT EXECUTE FUNCTION ecpa.deliberation_guard();
CREATE TRIGGER revisions_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ecpa.revisions
    FOR EACH STATEMENT EXECUTE FUNCTION ecpa.deliberation_guard();

-- Who reads them: the entries under discussion, the edition's jury and the secretariat; revisions,
-- like scores (a juror their own, the secretariat all; everyone after publication, through
-- ecpa.published_revisions).
ALTER TABLE ecpa.deliberation_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE ecpa.deliberation_entries FORCE ROW LEVEL SECURITY;
CREATE POLICY deliberation_entries_owner ON ecpa.deliberation_entries TO ecpa_owner USING (true) WITH CHECK (true);
CREATE POLICY deliberation_entries_secretariat ON ecpa.deliberation_entries FOR SELECT TO ecpa_secretariat USING (true);
CREATE POLICY deliberation_entries_jury ON ecpa.deliberation_entries FOR SELECT TO ecpa_juror
    USING (edition_id IN (SELECT edition_id FROM ecpa.jurors WHERE role_name = ecpa.actor()));
-- Representatives and readers get no right on the table: with one, EXPLAIN ANALYZE would tell
-- them which entries are under discussion before publication (rows removed by the policy).
GRANT SELECT ON ecpa.deliberation_entries TO ecpa_secretariat, ecpa_juror;

ALTER TABLE ecpa.revisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE ecpa.revisions FORCE ROW LEVEL SECURITY;
CREATE POLICY revisions_owner ON ecpa.revisions TO ecpa_owner USING (true) WITH CHECK (true);
CREATE POLICY revisions_secretariat ON ecpa.revisions FOR SELECT TO ecpa_secretariat USING (true);
CREATE POLICY revisions_own ON ecpa.revisions FOR SELECT TO ecpa_juror
    USING (juror_id IN (SELECT id FROM ecpa.jurors WHERE role_name = ecpa.actor()));
GRANT SELECT ON ecpa.revisions TO ecpa_secretariat, ecpa_juror;
ALTER TABLE ecpa.revisions
    ALTER COLUMN entry_id SET STATISTICS 0, ALTER COLUMN juror_id SET STATISTICS 0,
    ALTER COLUMN criterion_code SET STATISTICS 0, ALTER COLUMN old_value SET STATISTICS 0,
    ALTER COLUMN new_value SET STATISTICS 0, ALTER COLUMN reason SET STATISTICS 0,
    ALTER COLUMN at SET STATISTICS 0, ALTER COLUMN actor SET STATISTICS 0, ALTER COLUMN batch_id SET STATISTICS 0;
ALTER TABLE ecpa.deliberation_entries ALTER COLUMN entry_id SET STATISTICS 0;

-- A published edition's revisions, for `results verify` by anyone (jurors by seat, as the
-- published scores; the reasons are the jury's record).
CREATE FUNCTION ecpa.published_revisions(p_edition bigint)
    RETURNS TABLE (id bigint, edition_id bigint, entry_id bigint, juror_id bigint, criterion_code text, old_value numeric,
                   new_value numeric, reason text, batch_id bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NOT ecpa.may_read_results(p_edition) THEN
        RETURN;
    END IF;
    RETURN QUERY
        SELECT r.id, r.edition_id, r.entry_id, r.juror_id, r.criterion_code, r.old_value, r.new_value, r.reason, r.batch_id
        FROM ecpa.revisions r WHERE r.edition_id = p_edition ORDER BY r.id;
END
$$;
REVOKE ALL ON FUNCTION ecpa.published_revisions(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ecpa.published_revisions(bigint)
    TO ecpa_secretariat, ecpa_national_representative, ecpa_juror, ecpa_reader;

-- Where the deliberation stands in the score ledger, for `results verify`: the note that closed
-- round 1 (no revision id) and each revision's batch, with its operation and whether it is sealed.
CREATE FUNCTION ecpa.deliberation_in_ledger(p_edition bigint)
    RETURNS TABLE (revision_id bigint, operation text, sealed boolean)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_prefix text := 'close round 1 of edition ' || p_edition || ' sha256:';
BEGIN
    IF NOT ecpa.may_read_results(p_edition) THEN
        RAISE EXCEPTION 'the results of this edition are not published' USING ERRCODE = '42501';
    END IF;
    RETURN QUERY
        SELECT NULL::bigint, b.operation, b.chain_position IS NOT NULL FROM ecpa.score_batches b
        WHERE left(b.operation, length(v_prefix)) = v_prefix
        UNION ALL
        SELECT r.id, b.operation, b.chain_position IS NOT NULL
        FROM ecpa.revisions r JOIN ecpa.score_batches b ON b.id = r.batch_id
        WHERE r.edition_id = p_edition
        ORDER BY 1 NULLS FIRST;
END
$$;
REVOKE ALL ON FUNCTION ecpa.deliberation_in_ledger(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ecpa.deliberation_in_ledger(bigint)
    TO ecpa_secretariat, ecpa_national_representative, ecpa_juror, ecpa_reader;

-- Appends a ledger batch without events, its operation saying what happened; returns its id.
CREATE FUNCTION ecpa.append_ledger_note(p_operation text) RETURNS bigint
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_batch bigint := nextval('ecpa.score_batch_ids');
BEGIN
    INSERT INTO ecpa.score_batches (id, at, actor, operation, event_count, rows_digest)
    VALUES (v_batch, clock_timestamp(), ecpa.actor(), p_operation, 0, encode(sha256(convert_to('', 'UTF8')), 'hex'));
    RETURN v_batch;
END
$$;
REVOKE ALL ON FUNCTION ecpa.append_ledger_note(text) FROM PUBLIC;

-- The secretariat begins the deliberation of an edition whose declaration has one, after scoring
-- has closed, on the entries it names: round 1 is closed (its score set digest goes into the
-- ledger, which is sealed), the entries are recorded and the stage moves on.
CREATE FUNCTION ecpa.open_deliberation(p_edition bigint, p_entries bigint[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_edition ecpa.editions;
    v_wrong   bigint;
BEGIN
    v_edition := ecpa.take_edition(p_edition, 'begins a deliberation');
    IF v_edition.phase <> 'scoring' THEN
        RAISE EXCEPTION 'the % edition is in the % phase; a deliberation follows scoring, before the freeze', v_edition.year,
                replace(v_edition.phase, '_', ' ')
            USING ERRCODE = 'EC003';
    END IF;
    IF v_edition.scoring_stage <> 'scores' THEN
        RAISE EXCEPTION 'the deliberation of the % edition has already begun', v_edition.year USING ERRCODE = 'EC003';
    END IF;
    IF v_edition.scoring_open THEN
        RAISE EXCEPTION 'scoring for the % edition is still open; close it first', v_edition.year USING ERRCODE = 'EC003';
    END IF;
    IF NOT (SELECT decision_deliberation FROM ecpa.schemes WHERE edition_id = p_edition) THEN
        RAISE EXCEPTION 'the % edition declared no deliberation', v_edition.year USING ERRCODE = 'EC003';
    END IF;
    IF coalesce(cardinality(p_entries), 0) = 0 OR array_position(p_entries, NULL) IS NOT NULL THEN
        RAISE EXCEPTION 'a deliberation needs at least one entry' USING ERRCODE = '22023';
    END IF;
    SELECT min(x) INTO v_wrong FROM unnest(p_entries) x
    WHERE NOT EXISTS (SELECT FROM ecpa.entries e WHERE e.id = x AND e.edition_id = p_edition
                                                  AND e.kind = 'competing' AND e.state = 'eligible');
    IF v_wrong IS NOT NULL THEN
        RAISE EXCEPTION 'entry % is not an eligible competing entry of the % edition', v_wrong, v_edition.year
            USING ERRCODE = '22023';
    END IF;
    PERFORM ecpa.append_ledger_note(
        'close round 1 of edition ' || p_edition || ' sha256:' || ecpa.score_set_digest(p_edition));
    PERFORM ecpa.seal_score_ledger();
    INSERT INTO ecpa.deliberation_entries (edition_id, entry_id)
    SELECT DISTINCT p_edition, x FROM unnest(p_entries) x;
    UPDATE ecpa.editions SET scoring_stage = 'deliberation' WHERE id = p_edition;
END
$$;
REVOKE ALL ON FUNCTION ecpa.open_deliberation(bigint, bigint[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ecpa.open_deliberation(bigint, bigint[]) TO ecpa_secretariat;

-- A voting juror revises their round-1 score of an entry under discussion, with a reason; the
-- secretariat may do it on a juror's behalf (p_juror). Checked as a score write is: the edition's
-- row read, then read again FOR SHARE (an older snapshot fails with 40001), the juror not in
-- conflict, the value on the criterion's scale, and a round-1 score to revise.
CREATE FUNCTION ecpa.revise_score(p_entry bigint, p_criterion text, p_value numeric, p_reason text, p_juror bigint DEFAULT NULL)
    RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_actor   text := ecpa.actor();
    v_entry   ecpa.entries;
    v_juror   ecpa.jurors;
    v_edition ecpa.editions;
    v_crit    ecpa.criteria;
    v_old     numeric;
    v_batch   bigint;
    v_id      bigint;
    v_at      timestamptz := clock_timestamp();
BEGIN
    SELECT * INTO v_entry FROM ecpa.entries WHERE id = p_entry;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no entry %', p_entry USING ERRCODE = '23503';
    END IF;
    IF p_juror IS NULL THEN
        SELECT * INTO v_juror FROM ecpa.jurors WHERE edition_id = v_entry.edition_id AND role_name = v_actor;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'you are not on the jury of this edition' USING ERRCODE = '42501';
        END IF;
    ELSE
        IF NOT ecpa.is_secretariat() THEN
            RAISE EXCEPTION 'only the secretariat revises a score on a juror''s behalf' USING ERRCODE = '42501';
        END IF;
        SELECT * INTO v_juror FROM ecpa.jurors WHERE id = p_juror AND edition_id = v_entry.edition_id;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'juror % is not on the jury of this edition', p_juror USING ERRCODE = '23503';
        END IF;
    END IF;
    FOR v_pass IN 1..2 LOOP
        IF v_pass = 1 THEN
            SELECT * INTO v_edition FROM ecpa.editions WHERE id = v_entry.edition_id;
        ELSE
            SELECT * INTO v_edition FROM ecpa.editions WHERE id = v_entry.edition_id FOR SHARE;
            PERFORM ecpa.refuse_while_edition_changes(v_entry.edition_id);
        END IF;
        IF v_edition.phase IN ('frozen', 'published') THEN
            RAISE EXCEPTION 'the % edition is frozen; nothing was changed', v_edition.year USING ERRCODE = 'EC002';
        END IF;
        IF v_edition.phase <> 'scoring' OR v_edition.scoring_stage <> 'deliberation' THEN
            RAISE EXCEPTION 'the % edition is not in its deliberation; nothing was changed', v_edition.year USING ERRCODE = 'EC001';
        END IF;
    END LOOP;
    IF NOT v_juror.voting THEN
        RAISE EXCEPTION 'an advisory juror gives no scores' USING ERRCODE = '42501';
    END IF;
    IF v_entry.kind <> 'competing' OR v_entry.state <> 'eligible' THEN
        RAISE EXCEPTION 'entry % is not an eligible competing entry', p_entry USING ERRCODE = 'EC004';
    END IF;
    -- The juror's cells and conflicts: a conflict declared, or another revision of theirs made,
    -- since this transaction's snapshot makes it fail (40001); one in flight makes it wait, and the
    -- checks below then see it. Two revisions of one cell cannot both start from the same value.
    PERFORM ecpa.bump('juror:' || v_juror.id);
    IF NOT EXISTS (SELECT FROM ecpa.deliberation_entries WHERE edition_id = v_edition.id AND entry_id = p_entry) THEN
        RAISE EXCEPTION 'entry % is not under discussion in the deliberation', p_entry USING ERRCODE = 'EC004';
    END IF;
    IF ecpa.in_conflict(v_juror.id, p_entry) THEN
        RAISE EXCEPTION 'the juror is in conflict with entry %', p_entry USING ERRCODE = 'EC005';
    END IF;
    SELECT * INTO v_crit FROM ecpa.criteria WHERE edition_id = v_edition.id AND code = p_criterion;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no criterion %', p_criterion USING ERRCODE = '23503';
    END IF;
    IF p_value IS NULL OR NOT ecpa.on_scale(p_value, v_crit.min_value, v_crit.max_value, v_crit.step) THEN
        RAISE EXCEPTION '% is not on the scale of %', coalesce(p_value::text, 'no value'), v_crit.name USING ERRCODE = '23514';
    END IF;
    -- The cell's value now: its latest revision, else round 1.
    SELECT new_value INTO v_old FROM ecpa.revisions
    WHERE edition_id = v_edition.id AND entry_id = p_entry AND juror_id = v_juror.id AND criterion_code = p_criterion
    ORDER BY id DESC LIMIT 1;
    IF NOT FOUND THEN
        SELECT value INTO v_old FROM ecpa.scores
        WHERE edition_id = v_edition.id AND entry_id = p_entry AND juror_id = v_juror.id AND criterion_code = p_criterion;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'there is no round-1 score of % for entry % to revise', v_crit.name, p_entry USING ERRCODE = 'EC004';
        END IF;
    END IF;
    IF v_old = p_value THEN
        RAISE EXCEPTION 'the score of % for entry % is already %', v_crit.name, p_entry, p_value USING ERRCODE = 'EC004';
    END IF;
    v_batch := ecpa.append_ledger_note(format('revise edition %s entry %s juror %s %s from %s to %s reason sha256:%s',
        v_edition.id, p_entry, v_juror.id, p_criterion, v_old, p_value, encode(sha256(convert_to(coalesce(p_reason, ''), 'UTF8')), 'hex')));
    INSERT INTO ecpa.revisions (edition_id, entry_id, juror_id, criterion_code, old_value, new_value, reason, at, actor, batch_id)
    VALUES (v_edition.id, p_entry, v_juror.id, p_criterion, v_old, p_value, p_reason, v_at, v_actor, v_batch)
    RETURNING id INTO v_id;
    RETURN v_id;
END
$$;
REVOKE ALL ON FUNCTION ecpa.revise_score(bigint, text, numeric, text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ecpa.revise_score(bigint, text, numeric, text, bigint) TO ecpa_secretariat, ecpa_juror;

-- The score set digest covers the deliberation too: after round 1 and the abstentions, a line
-- "--" and every revision in the order made, when there are any (editions frozen before, and
-- editions without revisions, keep their digest). FrozenSeal.scoreSetText writes the same bytes.
CREATE OR REPLACE FUNCTION ecpa.score_set_digest(p_edition bigint) RETURNS text
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $$
        SELECT encode(sha256(convert_to(
            coalesce((SELECT string_agg(jsonb_build_array(entry_id, juror_id, criterion_code, value::text)::text, E'\n'
                                        ORDER BY entry_id, juror_id, criterion_code COLLATE "C")
                      FROM ecpa.scores WHERE edition_id = p_edition), '')
            || E'\n--\n' ||
            coalesce((SELECT string_agg(jsonb_build_array(entry_id, juror_id)::text, E'\n' ORDER BY entry_id, juror_id)
                      FROM ecpa.abstentions WHERE edition_id = p_edition), '')
            || coalesce((SELECT E'\n--\n' || string_agg(jsonb_build_array(id, entry_id, juror_id, criterion_code, old_value::text,
                                                                          new_value::text, reason)::text, E'\n' ORDER BY id)
                         FROM ecpa.revisions WHERE edition_id = p_edition), ''),
            'UTF8')), 'hex')
    $$;
REVOKE ALL ON FUNCTION ecpa.score_set_digest(bigint) FROM PUBLIC;

-- Once round 1 is sealed, what it ranks is fixed too: no conflict is declared or cleared (a
-- conflict drops the juror's sealed scores of the entry from the ranking) and no entry changes its
-- state or kind. Each runs after the table's own guard, which has read the edition's row FOR SHARE
-- (an older snapshot has failed there), so the edition read here is the present one.
CREATE FUNCTION ecpa.fixed_in_deliberation() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_edition_id bigint;
    v_edition    ecpa.editions;
BEGIN
    IF TG_TABLE_NAME = 'declared_conflicts' THEN
        SELECT edition_id INTO v_edition_id FROM ecpa.jurors
        WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.juror_id ELSE NEW.juror_id END;
    ELSE
        IF (NEW.state, NEW.kind) IS NOT DISTINCT FROM (OLD.state, OLD.kind) THEN
            RETURN NEW;
        END IF;
        v_edition_id := NEW.edition_id;
    END IF;
    SELECT * INTO v_edition FROM ecpa.editions WHERE id = v_edition_id;
    IF v_edition.scoring_stage = 'deliberation' AND v_edition.phase = 'scoring' THEN
        RAISE EXCEPTION 'round 1 of the % edition is sealed: its conflicts and its entries'' eligibility no longer change', v_edition.year
            USING ERRCODE = 'EC001';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
REVOKE ALL ON FUNCTION ecpa.fixed_in_deliberation() FROM PUBLIC;
CREATE TRIGGER declared_conflicts_sealed_round BEFORE INSERT OR UPDATE OR DELETE ON ecpa.declared_conflicts
    FOR EACH ROW EXECUTE FUNCTION ecpa.fixed_in_deliberation();
CREATE TRIGGER entries_sealed_round BEFORE UPDATE ON ecpa.entries
    FOR EACH ROW EXECUTE FUNCTION ecpa.fixed_in_deliberation();

-- An edition that declared a deliberation is frozen only after holding it.
CREATE FUNCTION ecpa.editions_need_deliberation() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NEW.phase = 'frozen' AND OLD.phase = 'scoring' AND OLD.scoring_stage = 'scores'
       AND (SELECT decision_deliberation FROM ecpa.schemes WHERE edition_id = NEW.id) THEN
        RAISE EXCEPTION 'the % edition declared a deliberation; hold it before the freeze', NEW.year
            USING ERRCODE = 'EC003', HINT = 'Begin it with `ecpa edition deliberation open`.';
    END IF;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION ecpa.editions_need_deliberation() FROM PUBLIC;
CREATE TRIGGER editions_need_deliberation BEFORE UPDATE ON ecpa.editions
    FOR EACH ROW EXECUTE FUNCTION ecpa.editions_need_deliberation();

CREATE TRIGGER deliberation_entries_audit AFTER INSERT ON ecpa.deliberation_entries
    FOR EACH ROW EXECUTE FUNCTION ecpa.audit('edition_id');
CREATE TRIGGER revisions_audit AFTER INSERT ON ecpa.revisions
    FOR EACH ROW EXECUTE FUNCTION ecpa.audit('id');

RESET ROLE;
