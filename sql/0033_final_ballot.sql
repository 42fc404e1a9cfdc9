-- What the jury decides, on the record (issue "what the jury decides"), second part: the final
-- ballot. The declaration says whether the edition holds one and whether it decides the medals;
-- after scoring (and after the deliberation, when there is one) the secretariat opens it on a
-- shortlist; each voting juror ranks the shortlist, leaving out the entries they are in conflict
-- with; the secretariat sees who has voted, and nobody reads a ballot but its own juror until the
-- ballot closes. Closing seals every ballot's SHA-256 and the whole set's into the score ledger;
-- the freeze of a ballot-decided edition counts the ballots (Schulze, winning votes, in Swift,
-- recomputed by `results verify` from the published ballots and checked against the ledger).
--
-- The ballot is a stage of the scoring phase after the deliberation's: scores (round 1), the
-- deliberation, the ballot, the ballot closed. Every rule that holds once round 1 is sealed keeps
-- holding through the ballot (0032's fixed_in_deliberation now reads "any stage after scores").
SET ROLE ecpa_owner;

-- The ballot in the declaration: whether there is one, and the ballot as a result that decides.
ALTER TABLE ecpa.schemes
    ADD COLUMN decision_ballot boolean NOT NULL DEFAULT false,
    DROP CONSTRAINT schemes_decision_decided_by_check,
    ADD CONSTRAINT schemes_decision_decided_by_check
        CHECK (decision_decided_by IN ('scores', 'revised-scores', 'ballot')),
    ADD CONSTRAINT schemes_ballot_decides_only_when_held
        CHECK (decision_decided_by <> 'ballot' OR decision_ballot),
    ALTER COLUMN decision_ballot SET STATISTICS 0;
GRANT INSERT (decision_ballot), UPDATE (decision_ballot) ON ecpa.schemes TO ecpa_secretariat;

-- The declaration's [decision] section names the ballot only when there is one, so that every
-- declaration written before keeps its bytes (DecisionSettings.tomlLines writes the same).
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
            CASE WHEN s.decision_ballot THEN 'ballot = true' END,
            'decided_by = ' || ecpa.toml_string(s.decision_decided_by)) || E'\n'
        FROM ecpa.editions e JOIN ecpa.schemes s ON s.edition_id = e.id
        WHERE e.id = p_edition
    $$;
REVOKE ALL ON FUNCTION ecpa.declaration_text(bigint) FROM PUBLIC;

-- The stages: scores, deliberation, ballot, ballot-closed, forward only.
ALTER TABLE ecpa.editions
    DROP CONSTRAINT editions_scoring_stage_check,
    ADD CONSTRAINT editions_scoring_stage_check
        CHECK (scoring_stage IN ('scores', 'deliberation', 'ballot', 'ballot-closed'));

CREATE OR REPLACE FUNCTION ecpa.editions_guard_stage() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_order constant text[] := ARRAY['scores', 'deliberation', 'ballot', 'ballot-closed'];
BEGIN
    IF NEW.scoring_stage IS DISTINCT FROM OLD.scoring_stage THEN
        IF array_position(v_order, NEW.scoring_stage) < array_position(v_order, OLD.scoring_stage) THEN
            RAISE EXCEPTION 'the % edition cannot go back from the % stage to the %', OLD.year,
                    replace(OLD.scoring_stage, '-', ' '), replace(NEW.scoring_stage, '-', ' ')
                USING ERRCODE = 'EC003';
        END IF;
        IF current_setting('transaction_isolation') <> 'read committed' THEN
            RAISE EXCEPTION 'the stage of scoring moves in a READ COMMITTED transaction, whose checks see what is committed now'
                USING ERRCODE = '25000';
        END IF;
    END IF;
    IF NEW.scoring_open AND NOT OLD.scoring_open AND OLD.scoring_stage <> 'scores' THEN
        RAISE EXCEPTION 'scoring for the % edition cannot open again: round 1 is sealed', OLD.year
            USING ERRCODE = 'EC003';
    END IF;
    RETURN NEW;
END
$$;

-- Round 1 stays sealed through the ballot: no conflict or eligibility changes in any stage after
-- the scores (0032 said "in the deliberation").
CREATE OR REPLACE FUNCTION ecpa.fixed_in_deliberation() RETURNS trigger
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
    IF v_edition.scoring_stage <> 'scores' AND v_edition.phase = 'scoring' THEN
        RAISE EXCEPTION 'round 1 of the % edition is sealed: its conflicts and its entries'' eligibility no longer change', v_edition.year
            USING ERRCODE = 'EC001';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

-- An edition that declared a deliberation is frozen only after holding it, and one that declared
-- a ballot only after closing it.
CREATE OR REPLACE FUNCTION ecpa.editions_need_deliberation() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_scheme ecpa.schemes;
BEGIN
    IF NEW.phase = 'frozen' AND OLD.phase = 'scoring' THEN
        SELECT * INTO v_scheme FROM ecpa.schemes WHERE edition_id = NEW.id;
        IF v_scheme.decision_deliberation AND OLD.scoring_stage = 'scores' THEN
            RAISE EXCEPTION 'the % edition declared a deliberation; hold it before the freeze', NEW.year
                USING ERRCODE = 'EC003', HINT = 'Begin it with `ecpa edition deliberation open`.';
        END IF;
        IF v_scheme.decision_ballot AND OLD.scoring_stage <> 'ballot-closed' THEN
            RAISE EXCEPTION 'the % edition declared a final ballot; hold it and close it before the freeze', NEW.year
                USING ERRCODE = 'EC003', HINT = 'Open it with `ecpa ballot open`, and close it with `ecpa ballot close` once the jurors have voted.';
        END IF;
    END IF;
    RETURN NEW;
END
$$;

-- The shortlist, in the order named (the ballot's rows and columns).
CREATE TABLE ecpa.ballot_entries (
    edition_id bigint NOT NULL REFERENCES ecpa.editions (id),
    entry_id   bigint NOT NULL REFERENCES ecpa.entries (id),
    position   integer NOT NULL CHECK (position >= 1),
    PRIMARY KEY (edition_id, entry_id),
    UNIQUE (edition_id, position)
);

-- Each ballot cast, best first; a juror may cast again until the ballot closes, and their latest
-- ballot counts. Nobody is granted the table: a juror reads their own ballot, the secretariat the
-- turnout, and everyone else nothing, through the functions below (a grant under row-level
-- security would still let EXPLAIN ANALYZE count the rows a policy hides, and pg_stats show the
-- values of a table one may select from).
CREATE TABLE ecpa.ballots (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    edition_id bigint NOT NULL REFERENCES ecpa.editions (id),
    juror_id   bigint NOT NULL REFERENCES ecpa.jurors (id),
    ranking    bigint[] NOT NULL CHECK (cardinality(ranking) >= 1 AND array_position(ranking, NULL) IS NULL),
    cast_at    timestamptz NOT NULL,
    actor      text NOT NULL,
    batch_id   bigint NOT NULL UNIQUE REFERENCES ecpa.score_batches (id)
);
CREATE INDEX ballots_juror ON ecpa.ballots (edition_id, juror_id, id);
ALTER TABLE ecpa.ballots
    ALTER COLUMN juror_id SET STATISTICS 0, ALTER COLUMN ranking SET STATISTICS 0,
    ALTER COLUMN cast_at SET STATISTICS 0, ALTER COLUMN actor SET STATISTICS 0, ALTER COLUMN batch_id SET STATISTICS 0;
ALTER TABLE ecpa.ballot_entries ALTER COLUMN entry_id SET STATISTICS 0, ALTER COLUMN position SET STATISTICS 0;

-- A random salt per ballot, drawn when it opens, in every hash of a ballot: a shortlist of three has
-- six rankings, so an unsalted hash would tell its ballot to whoever read it. Revealed with the
-- ballots, by ecpa.closed_ballots, once the close is committed.
CREATE TABLE ecpa.ballot_salts (
    edition_id bigint PRIMARY KEY REFERENCES ecpa.editions (id),
    salt       text NOT NULL
);
ALTER TABLE ecpa.ballot_salts ALTER COLUMN salt SET STATISTICS 0;
ALTER TABLE ecpa.ballot_salts ENABLE ROW LEVEL SECURITY;
ALTER TABLE ecpa.ballot_salts FORCE ROW LEVEL SECURITY;
CREATE POLICY ballot_salts_owner ON ecpa.ballot_salts TO ecpa_owner USING (true) WITH CHECK (true);
CREATE TRIGGER ballot_salts_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ecpa.ballot_salts
    FOR EACH STATEMENT EXECUTE FUNCTION ecpa.deliberation_guard();

CREATE TRIGGER ballot_entries_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ecpa.ballot_entries
    FOR EACH STATEMENT EXECUTE FUNCTION ecpa.deliberation_guard();
CREATE TRIGGER ballots_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ecpa.ballots
    FOR EACH STATEMENT EXECUTE FUNCTION ecpa.deliberation_guard();

ALTER TABLE ecpa.ballot_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE ecpa.ballot_entries FORCE ROW LEVEL SECURITY;
CREATE POLICY ballot_entries_owner ON ecpa.ballot_entries TO ecpa_owner USING (true) WITH CHECK (true);
ALTER TABLE ecpa.ballots ENABLE ROW LEVEL SECURITY;
ALTER TABLE ecpa.ballots FORCE ROW LEVEL SECURITY;
CREATE POLICY ballots_owner ON ecpa.ballots TO ecpa_owner USING (true) WITH CHECK (true);
-- No audit trigger on ecpa.ballots: the audit log copies whole rows and the secretariat reads it.

-- A ballot as one line, `[id, juror, [entries best first]]` (jsonb's spelling), hashed after the
-- salt's line; and the whole set: the salt's line, the shortlist's, then every ballot's by id.
-- FrozenSeal.ballotLine and ballotSetText write the same bytes.
CREATE FUNCTION ecpa.ballot_line(p_id bigint, p_juror bigint, p_ranking bigint[]) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog, pg_temp
    AS $$ SELECT jsonb_build_array(p_id, p_juror, to_jsonb(p_ranking))::text $$;
REVOKE ALL ON FUNCTION ecpa.ballot_line(bigint, bigint, bigint[]) FROM PUBLIC;

CREATE FUNCTION ecpa.ballot_set_digest(p_edition bigint) RETURNS text
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $$
        SELECT encode(sha256(convert_to(
            coalesce((SELECT salt FROM ecpa.ballot_salts WHERE edition_id = p_edition), '') || E'\n'
            || coalesce((SELECT to_jsonb(array_agg(entry_id ORDER BY position))::text FROM ecpa.ballot_entries
                      WHERE edition_id = p_edition), '[]')
            || coalesce((SELECT E'\n' || string_agg(ecpa.ballot_line(id, juror_id, ranking), E'\n' ORDER BY id)
                         FROM ecpa.ballots WHERE edition_id = p_edition), ''),
            'UTF8')), 'hex')
    $$;
REVOKE ALL ON FUNCTION ecpa.ballot_set_digest(bigint) FROM PUBLIC;

-- The secretariat opens the ballot the edition declared, after scoring has closed and after the
-- deliberation when there is one, on a shortlist of at least two eligible competing entries.
CREATE FUNCTION ecpa.open_ballot(p_edition bigint, p_entries bigint[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_edition ecpa.editions;
    v_scheme  ecpa.schemes;
    v_wrong   bigint;
BEGIN
    v_edition := ecpa.take_edition(p_edition, 'opens a ballot');
    IF v_edition.phase <> 'scoring' THEN
        RAISE EXCEPTION 'the % edition is in the % phase; a final ballot follows scoring, before the freeze', v_edition.year,
                replace(v_edition.phase, '_', ' ')
            USING ERRCODE = 'EC003';
    END IF;
    SELECT * INTO v_scheme FROM ecpa.schemes WHERE edition_id = p_edition;
    IF NOT v_scheme.decision_ballot THEN
        RAISE EXCEPTION 'the % edition declared no final ballot', v_edition.year USING ERRCODE = 'EC003';
    END IF;
    IF v_edition.scoring_stage IN ('ballot', 'ballot-closed') THEN
        RAISE EXCEPTION 'the final ballot of the % edition has already opened', v_edition.year USING ERRCODE = 'EC003';
    END IF;
    IF v_edition.scoring_open THEN
        RAISE EXCEPTION 'scoring for the % edition is still open; close it first', v_edition.year USING ERRCODE = 'EC003';
    END IF;
    IF v_scheme.decision_deliberation AND v_edition.scoring_stage = 'scores' THEN
        RAISE EXCEPTION 'the % edition declared a deliberation; hold it before the ballot', v_edition.year
            USING ERRCODE = 'EC003', HINT = 'Begin it with `ecpa edition deliberation open`.';
    END IF;
    IF coalesce(cardinality(p_entries), 0) < 2 OR array_position(p_entries, NULL) IS NOT NULL THEN
        RAISE EXCEPTION 'a ballot needs a shortlist of at least two entries' USING ERRCODE = '22023';
    END IF;
    IF cardinality(p_entries) <> (SELECT count(DISTINCT x) FROM unnest(p_entries) x) THEN
        RAISE EXCEPTION 'the shortlist names an entry twice' USING ERRCODE = '22023';
    END IF;
    SELECT min(x) INTO v_wrong FROM unnest(p_entries) x
    WHERE NOT EXISTS (SELECT FROM ecpa.entries e WHERE e.id = x AND e.edition_id = p_edition
                                                  AND e.kind = 'competing' AND e.state = 'eligible');
    IF v_wrong IS NOT NULL THEN
        RAISE EXCEPTION 'entry % is not an eligible competing entry of the % edition', v_wrong, v_edition.year
            USING ERRCODE = '22023';
    END IF;
    INSERT INTO ecpa.ballot_entries (edition_id, entry_id, position)
    SELECT p_edition, x, n FROM unnest(p_entries) WITH ORDINALITY AS t(x, n);
    INSERT INTO ecpa.ballot_salts (edition_id, salt) VALUES (p_edition, gen_random_uuid()::text);
    PERFORM ecpa.append_ledger_note('open ballot of edition ' || p_edition || ' on entries '
                                    || array_to_string(p_entries, ',') || ' scores sha256:' || ecpa.score_set_digest(p_edition));
    PERFORM ecpa.seal_score_ledger();
    UPDATE ecpa.editions SET scoring_stage = 'ballot' WHERE id = p_edition;
END
$$;
REVOKE ALL ON FUNCTION ecpa.open_ballot(bigint, bigint[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ecpa.open_ballot(bigint, bigint[]) TO ecpa_secretariat;

-- The shortlist, for the secretariat, the edition's jurors, and everyone once published.
CREATE FUNCTION ecpa.ballot_shortlist(p_edition bigint) RETURNS TABLE (entry_id bigint, "position" integer)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NOT (ecpa.may_read_results(p_edition)
            OR EXISTS (SELECT FROM ecpa.jurors WHERE edition_id = p_edition AND role_name = ecpa.actor())) THEN
        RETURN;
    END IF;
    RETURN QUERY SELECT b.entry_id, b.position FROM ecpa.ballot_entries b WHERE b.edition_id = p_edition ORDER BY b.position;
END
$$;
REVOKE ALL ON FUNCTION ecpa.ballot_shortlist(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ecpa.ballot_shortlist(bigint)
    TO ecpa_secretariat, ecpa_national_representative, ecpa_juror, ecpa_reader;

-- A voting juror casts their ballot with their own login (nobody casts on another's behalf: the
-- secretariat would read it): every shortlisted entry they are not in conflict with, once, best
-- first, and none they are in conflict with. Checked as a score write is: the edition's row read,
-- then read again FOR SHARE (an older snapshot fails with 40001).
CREATE FUNCTION ecpa.cast_ballot(p_edition bigint, p_ranking bigint[]) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_actor   text := ecpa.actor();
    v_juror   ecpa.jurors;
    v_edition ecpa.editions;
    v_wrong   bigint;
    v_batch   bigint;
    v_id      bigint;
BEGIN
    SELECT * INTO v_juror FROM ecpa.jurors WHERE edition_id = p_edition AND role_name = v_actor;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'you are not on the jury of this edition; each juror casts their own ballot' USING ERRCODE = '42501';
    END IF;
    IF NOT v_juror.voting THEN
        RAISE EXCEPTION 'an advisory juror has no vote' USING ERRCODE = '42501';
    END IF;
    FOR v_pass IN 1..2 LOOP
        IF v_pass = 1 THEN
            SELECT * INTO v_edition FROM ecpa.editions WHERE id = p_edition;
        ELSE
            SELECT * INTO v_edition FROM ecpa.editions WHERE id = p_edition FOR SHARE;
            PERFORM ecpa.refuse_while_edition_changes(p_edition);
        END IF;
        IF v_edition.phase IN ('frozen', 'published') THEN
            RAISE EXCEPTION 'the % edition is frozen; no ballot was cast', v_edition.year USING ERRCODE = 'EC002';
        END IF;
        IF v_edition.phase <> 'scoring' OR v_edition.scoring_stage <> 'ballot' THEN
            RAISE EXCEPTION 'the final ballot of the % edition is not open; no ballot was cast', v_edition.year
                USING ERRCODE = 'EC001';
        END IF;
    END LOOP;
    -- One juror's writes one after another: two casts cannot both start from the same state.
    PERFORM ecpa.bump('juror:' || v_juror.id);
    IF p_ranking IS NULL OR array_position(p_ranking, NULL) IS NOT NULL THEN
        RAISE EXCEPTION 'a ballot ranks entries by number, best first' USING ERRCODE = '22023';
    END IF;
    IF cardinality(p_ranking) <> (SELECT count(DISTINCT x) FROM unnest(p_ranking) x) THEN
        RAISE EXCEPTION 'the ballot ranks an entry twice' USING ERRCODE = '22023';
    END IF;
    SELECT min(x) INTO v_wrong FROM unnest(p_ranking) x
    WHERE NOT EXISTS (SELECT FROM ecpa.ballot_entries b WHERE b.edition_id = p_edition AND b.entry_id = x);
    IF v_wrong IS NOT NULL THEN
        RAISE EXCEPTION 'entry % is not on the ballot''s shortlist', v_wrong USING ERRCODE = '22023';
    END IF;
    SELECT min(x) INTO v_wrong FROM unnest(p_ranking) x WHERE ecpa.in_conflict(v_juror.id, x);
    IF v_wrong IS NOT NULL THEN
        RAISE EXCEPTION 'you are in conflict with entry %; leave it out of your ballot', v_wrong USING ERRCODE = 'EC005';
    END IF;
    SELECT min(b.entry_id) INTO v_wrong FROM ecpa.ballot_entries b
    WHERE b.edition_id = p_edition AND b.entry_id <> ALL (p_ranking) AND NOT ecpa.in_conflict(v_juror.id, b.entry_id);
    IF v_wrong IS NOT NULL THEN
        RAISE EXCEPTION 'entry % is on the shortlist but not on the ballot; rank every entry you are not in conflict with', v_wrong
            USING ERRCODE = '22023';
    END IF;
    v_batch := ecpa.append_ledger_note('cast ballot of edition ' || p_edition || ' juror ' || v_juror.id);
    INSERT INTO ecpa.ballots (edition_id, juror_id, ranking, cast_at, actor, batch_id)
    VALUES (p_edition, v_juror.id, p_ranking, clock_timestamp(), v_actor, v_batch)
    RETURNING id INTO v_id;
    RETURN v_id;
END
$$;
REVOKE ALL ON FUNCTION ecpa.cast_ballot(bigint, bigint[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ecpa.cast_ballot(bigint, bigint[]) TO ecpa_juror;

-- The calling juror's own latest ballot of an edition, if they have cast one.
CREATE FUNCTION ecpa.my_ballot(p_edition bigint) RETURNS TABLE (id bigint, ranking bigint[], cast_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
        SELECT b.id, b.ranking, b.cast_at FROM ecpa.ballots b
        JOIN ecpa.jurors j ON j.id = b.juror_id AND j.role_name = ecpa.actor()
        WHERE b.edition_id = p_edition
        ORDER BY b.id DESC LIMIT 1
    $$;
REVOKE ALL ON FUNCTION ecpa.my_ballot(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ecpa.my_ballot(bigint) TO ecpa_juror;

-- Who has voted (the secretariat): each voting juror, and when their latest ballot was cast;
-- never what it says.
CREATE FUNCTION ecpa.ballot_turnout(p_edition bigint) RETURNS TABLE (juror_id bigint, voted boolean, cast_at timestamptz)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NOT ecpa.is_secretariat() THEN
        RAISE EXCEPTION 'only the secretariat sees who has voted' USING ERRCODE = '42501';
    END IF;
    RETURN QUERY
        SELECT j.id, b.cast_at IS NOT NULL, b.cast_at
        FROM ecpa.jurors j
        LEFT JOIN LATERAL (SELECT max(x.cast_at) AS cast_at FROM ecpa.ballots x WHERE x.edition_id = p_edition AND x.juror_id = j.id) b
            ON true
        WHERE j.edition_id = p_edition AND j.voting
        ORDER BY j.id;
END
$$;
REVOKE ALL ON FUNCTION ecpa.ballot_turnout(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ecpa.ballot_turnout(bigint) TO ecpa_secretariat;

-- The secretariat closes the ballot: every voting juror must have voted, unless it says to count
-- without those who have not. Each ballot's SHA-256 goes into the ledger, then the set's, and the
-- ledger is sealed; from now on the secretariat reads the ballots, and everyone once published.
CREATE FUNCTION ecpa.close_ballot(p_edition bigint, p_without_missing boolean DEFAULT false) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_edition ecpa.editions;
    v_missing text;
    v_ballot  record;
    v_digest  text;
    v_salt    text;
BEGIN
    v_edition := ecpa.take_edition(p_edition, 'closes a ballot');
    IF v_edition.phase <> 'scoring' OR v_edition.scoring_stage <> 'ballot' THEN
        RAISE EXCEPTION 'the final ballot of the % edition is not open', v_edition.year USING ERRCODE = 'EC003';
    END IF;
    IF NOT EXISTS (SELECT FROM ecpa.ballots WHERE edition_id = p_edition) THEN
        RAISE EXCEPTION 'nobody has voted in the final ballot of the % edition yet', v_edition.year USING ERRCODE = 'EC003';
    END IF;
    SELECT string_agg(j.role_name, ', ' ORDER BY j.id) INTO v_missing FROM ecpa.jurors j
    WHERE j.edition_id = p_edition AND j.voting
      AND NOT EXISTS (SELECT FROM ecpa.ballots b WHERE b.edition_id = p_edition AND b.juror_id = j.id)
      -- A juror in conflict with every shortlisted entry has nothing to rank.
      AND EXISTS (SELECT FROM ecpa.ballot_entries e WHERE e.edition_id = p_edition AND NOT ecpa.in_conflict(j.id, e.entry_id));
    IF v_missing IS NOT NULL AND NOT coalesce(p_without_missing, false) THEN
        RAISE EXCEPTION 'not every voting juror of the % edition has voted: % ha% not', v_edition.year, v_missing,
                CASE WHEN v_missing LIKE '%,%' THEN 've' ELSE 's' END
            USING ERRCODE = 'EC003', HINT = 'Wait for them, or close without their ballots (`ecpa ballot close --without-missing`).';
    END IF;
    SELECT salt INTO v_salt FROM ecpa.ballot_salts WHERE edition_id = p_edition;
    FOR v_ballot IN SELECT id, juror_id, ranking FROM ecpa.ballots WHERE edition_id = p_edition ORDER BY id LOOP
        PERFORM ecpa.append_ledger_note(format('seal ballot %s of edition %s juror %s sha256:%s', v_ballot.id, p_edition,
            v_ballot.juror_id,
            encode(sha256(convert_to(v_salt || E'\n' || ecpa.ballot_line(v_ballot.id, v_ballot.juror_id, v_ballot.ranking), 'UTF8')), 'hex')));
    END LOOP;
    v_digest := ecpa.ballot_set_digest(p_edition);
    PERFORM ecpa.append_ledger_note('close ballot of edition ' || p_edition || ' sha256:' || v_digest);
    PERFORM ecpa.seal_score_ledger();
    UPDATE ecpa.editions SET scoring_stage = 'ballot-closed' WHERE id = p_edition;
    RETURN v_digest;
END
$$;
REVOKE ALL ON FUNCTION ecpa.close_ballot(bigint, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ecpa.close_ballot(bigint, boolean) TO ecpa_secretariat;

-- Whether a row was written by a transaction that committed before this one began its work: false
-- for a row this transaction wrote itself, in a savepoint or not. (A close done inside a
-- transaction that then reads the ballots and rolls back must not count as a close.)
CREATE FUNCTION ecpa.committed_before(p_xmin xid) RETURNS boolean
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_reference numeric := pg_snapshot_xmax(pg_current_snapshot())::text::numeric;
    v_short     numeric := p_xmin::text::numeric;
    v_full      numeric;
BEGIN
    IF v_short < 3 THEN
        RETURN true;  -- frozen or bootstrap: committed long ago
    END IF;
    -- The 64-bit id nearest the snapshot's, in the epoch that makes it so.
    v_full := floor(v_reference / 4294967296) * 4294967296 + v_short;
    IF v_full > v_reference + 2147483648 THEN
        v_full := v_full - 4294967296;
    ELSIF v_full < v_reference - 2147483648 THEN
        v_full := v_full + 4294967296;
    END IF;
    -- NULL: so old that its status is no longer kept, which only a committed row outlives.
    RETURN coalesce(pg_xact_status(v_full::text::xid8), 'committed') = 'committed';
END
$$;
REVOKE ALL ON FUNCTION ecpa.committed_before(xid) FROM PUBLIC;

-- The ballots of a closed ballot, with the ballot's salt: for the secretariat once the close is
-- committed, for everyone once the results are published; nobody else, ever before (a juror
-- reads their own with my_ballot). A close, a freeze and a publication made in the caller's own
-- transaction do not count: read and rolled back, they would show the ballots of an open ballot.
CREATE FUNCTION ecpa.closed_ballots(p_edition bigint) RETURNS TABLE (id bigint, juror_id bigint, ranking bigint[], salt text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_edition ecpa.editions;
BEGIN
    SELECT * INTO v_edition FROM ecpa.editions e WHERE e.id = p_edition;
    IF NOT FOUND OR v_edition.scoring_stage <> 'ballot-closed'
       OR NOT (v_edition.phase = 'published' OR ecpa.is_secretariat()) THEN
        RETURN;
    END IF;
    IF NOT EXISTS (SELECT FROM ecpa.score_batches b
                   WHERE b.operation OPERATOR(pg_catalog.~) ('^close ballot of edition ' || p_edition || ' ')
                     AND ecpa.committed_before(b.xmin)) THEN
        RAISE EXCEPTION 'the ballot of this edition closed in this very transaction; its ballots are read once the close is committed'
            USING ERRCODE = '42501';
    END IF;
    RETURN QUERY
        SELECT b.id, b.juror_id, b.ranking, s.salt
        FROM ecpa.ballots b JOIN ecpa.ballot_salts s ON s.edition_id = b.edition_id
        WHERE b.edition_id = p_edition ORDER BY b.id;
END
$$;
REVOKE ALL ON FUNCTION ecpa.closed_ballots(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ecpa.closed_ballots(bigint) TO ecpa_secretariat, ecpa_national_representative, ecpa_juror, ecpa_reader;

-- Where the ballot stands in the score ledger, for `results verify` (the secretariat, and everyone
-- once published): every note of the edition's ballot, with whether it is sealed.
CREATE FUNCTION ecpa.ballot_in_ledger(p_edition bigint) RETURNS TABLE (operation text, sealed boolean)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NOT ecpa.may_read_results(p_edition) THEN
        RAISE EXCEPTION 'the results of this edition are not published' USING ERRCODE = '42501';
    END IF;
    RETURN QUERY
        SELECT b.operation, b.chain_position IS NOT NULL FROM ecpa.score_batches b
        WHERE b.operation OPERATOR(pg_catalog.~) ('^(open|cast|close) ballot of edition ' || p_edition || '( |$)')
           OR b.operation OPERATOR(pg_catalog.~) ('^seal ballot [0-9]+ of edition ' || p_edition || ' ')
        ORDER BY b.id;
END
$$;
REVOKE ALL ON FUNCTION ecpa.ballot_in_ledger(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ecpa.ballot_in_ledger(bigint)
    TO ecpa_secretariat, ecpa_national_representative, ecpa_juror, ecpa_reader;

CREATE TRIGGER ballot_entries_audit AFTER INSERT ON ecpa.ballot_entries
    FOR EACH ROW EXECUTE FUNCTION ecpa.audit('edition_id');

RESET ROLE;
