-- The score ledger is written only by the owner, and no writer holds a lock that others queue on.
--
-- Until now jurors held INSERT on the batches and events, and UPDATE on the head row: a trigger on
-- a temporary table could overwrite the head, append a forged batch or take future ids; a juror
-- could hold the head with SELECT ... FOR UPDATE and stall every score write and the freeze; and
-- the head's hash, readable by every juror, covered the last few values written, so another
-- juror's secret score could be recovered by trying every value.
--
-- Now:
-- * The statement trigger that checks the scoring rules and appends a statement's events runs as
--   the owner and names the acting role (ecpa.actor()) and the clock time in every event. No login
--   role or group may insert, change or delete ledger rows, or use its sequence.
-- * Each statement still appends one batch with the SHA-256 digest of its events, but the batch
--   joins the hash chain only when it is sealed: ecpa.seal_score_ledger() (the freeze calls it)
--   takes the head, links every committed batch not yet sealed in id order and moves the head. A
--   score write does not touch the head: it locks its edition's row and the entries' point FOR
--   SHARE and updates its juror's point (0018), so nobody queues behind another juror.
-- * Jurors read their own events only; the batches and the head are the secretariat's.
-- * The scoring rules lock the edition's row FOR SHARE after checking it (0018 explains why).
-- * The ledger records who and when for every cell, so scores and abstentions lose their own
--   stamp columns and the row trigger that kept them; that trigger also kept a cell from moving to
--   another entry, juror or criterion, which is now the grants' job (only value and comment may be
--   updated) and is checked again by the statement trigger.
-- * Deleting scores and withdrawing abstentions go through owner-run functions; with DELETE on a
--   shared table a juror could LOCK it in ACCESS EXCLUSIVE mode and stall everyone.
SET ROLE ecpa_owner;

-- The old guards: they told the ledger trigger from a direct write by pg_trigger_depth().
DROP TRIGGER score_batches_guard ON ecpa.score_batches;
DROP TRIGGER score_events_guard ON ecpa.score_events;
DROP TRIGGER ledger_head_guard ON ecpa.ledger_head;
DROP TRIGGER score_batches_actor ON ecpa.score_batches;
DROP TRIGGER score_events_actor ON ecpa.score_events;
DROP TRIGGER score_batches_no_truncate ON ecpa.score_batches;
DROP TRIGGER score_events_no_truncate ON ecpa.score_events;
DROP FUNCTION ecpa.ledger_actor_guard();

-- A batch joins the chain when sealed: its link to the one before it, its hash and its position.
ALTER TABLE ecpa.score_batches
    ALTER COLUMN prev_hash DROP NOT NULL,
    ALTER COLUMN hash DROP NOT NULL,
    ADD COLUMN chain_position bigint UNIQUE;
-- The batches written so far were chained as they were written, in id order.
UPDATE ecpa.score_batches b SET chain_position = p.position
FROM (SELECT id, row_number() OVER (ORDER BY id) AS position FROM ecpa.score_batches) p
WHERE p.id = b.id;
ALTER TABLE ecpa.score_batches ADD CONSTRAINT score_batches_sealed_whole
    CHECK ((chain_position IS NULL) = (hash IS NULL) AND (hash IS NULL) = (prev_hash IS NULL));
ALTER TABLE ecpa.ledger_head ADD COLUMN chain_position bigint NOT NULL DEFAULT 0;
UPDATE ecpa.ledger_head SET chain_position = (SELECT count(*) FROM ecpa.score_batches);

-- Append-only, even for owner-run code: events never change; a batch changes once, when sealed.
CREATE OR REPLACE FUNCTION ecpa.ledger_guard() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF TG_LEVEL = 'ROW' AND TG_TABLE_NAME = 'score_batches' AND TG_OP = 'UPDATE'
       AND OLD.hash IS NULL AND NEW.hash IS NOT NULL
       AND (NEW.id, NEW.at, NEW.actor, NEW.operation, NEW.event_count, NEW.rows_digest)
           IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.actor, OLD.operation, OLD.event_count, OLD.rows_digest) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the score ledger is append-only: % of % is refused', lower(TG_OP), TG_TABLE_NAME
        USING ERRCODE = '42501';
END
$$;
REVOKE ALL ON FUNCTION ecpa.ledger_guard() FROM PUBLIC;
CREATE TRIGGER score_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ecpa.score_events
    FOR EACH STATEMENT EXECUTE FUNCTION ecpa.ledger_guard();
CREATE TRIGGER score_batches_append_only BEFORE DELETE OR TRUNCATE ON ecpa.score_batches
    FOR EACH STATEMENT EXECUTE FUNCTION ecpa.ledger_guard();
CREATE TRIGGER score_batches_sealed_once BEFORE UPDATE ON ecpa.score_batches
    FOR EACH ROW EXECUTE FUNCTION ecpa.ledger_guard();
CREATE TRIGGER ledger_head_only_row BEFORE INSERT OR DELETE OR TRUNCATE ON ecpa.ledger_head
    FOR EACH STATEMENT EXECUTE FUNCTION ecpa.ledger_guard();

-- Raises the refusal for a write into an edition whose scoring is not open.
CREATE FUNCTION ecpa.refuse_unless_scoring(p_year integer, p_phase text, p_scoring_open boolean) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF p_phase IN ('frozen', 'published') THEN
        RAISE EXCEPTION 'the scores of the % edition are frozen; nothing was changed', p_year
            USING ERRCODE = 'EC002';
    ELSIF p_phase IS DISTINCT FROM 'scoring' OR NOT p_scoring_open THEN
        RAISE EXCEPTION 'scoring for the % edition is not open; nothing was changed', coalesce(p_year::text, 'this')
            USING ERRCODE = 'EC001';
    END IF;
END
$$;
REVOKE ALL ON FUNCTION ecpa.refuse_unless_scoring(integer, text, boolean) FROM PUBLIC;

-- One statement on scores or abstentions: check every written cell against the scoring rules
-- (raising on the first violation, named), lock the editions concerned, then append the
-- statement's events as one batch. An INSERT ... ON CONFLICT DO UPDATE fires the AFTER UPDATE and
-- then the AFTER INSERT statement trigger, each with its own transition tables; a BEFORE INSERT
-- statement trigger marks the INSERT as under way (a transaction-local setting), the update part
-- writes its events under a new batch number without closing it, and the insert part adds its
-- events to that batch and closes it: one statement, one batch. A setting forged by a client can
-- only leave events without a batch, which the deferred foreign key of score_events refuses.
CREATE OR REPLACE FUNCTION ecpa.score_statement() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_actor   text := ecpa.actor();
    v_secretariat boolean := ecpa.is_secretariat();
    v_cells   text;
    v_writing boolean := TG_OP <> 'DELETE';
    v_bad     record;
    v_edition record;
    v_batch   bigint;
    v_count   integer;
    v_events  integer;
    v_digest  text;
    v_at      timestamptz := clock_timestamp();
    v_operation text := lower(TG_OP) || ' ' || TG_TABLE_NAME;
    v_found   integer;
    -- 'open' while an INSERT on scores is under way (scores_upsert_begin), then the number of
    -- the batch its ON CONFLICT DO UPDATE part has started.
    v_pending text := nullif(current_setting('ecpa.score_upsert_batch', true), '');
    v_joining boolean := TG_TABLE_NAME = 'scores' AND TG_OP IN ('INSERT', 'UPDATE')
                         AND (v_pending = 'open' OR (TG_OP = 'INSERT' AND v_pending ~ '^[0-9]+$'));
    v_any     boolean;
    v_point   record;
BEGIN
    -- An upsert that updated nothing leaves the whole batch to its insert part.
    IF v_joining AND TG_OP = 'UPDATE' THEN
        EXECUTE 'SELECT EXISTS (SELECT FROM new_rows)' INTO v_any;
        IF NOT v_any THEN
            RETURN NULL;
        END IF;
    END IF;

    v_cells := CASE
        WHEN TG_TABLE_NAME = 'scores' THEN
            format('(SELECT edition_id, entry_id, juror_id, criterion_code, value FROM %I)',
                   CASE WHEN v_writing THEN 'new_rows' ELSE 'old_rows' END)
        ELSE
            format('(SELECT edition_id, entry_id, juror_id, NULL::text AS criterion_code, NULL::numeric AS value FROM %I)',
                   CASE WHEN v_writing THEN 'new_rows' ELSE 'old_rows' END)
        END;

    -- What the rules below read and others may change meanwhile (0018): each juror's conflicts and
    -- cells, bumped, so that one juror's writes queue one behind the other; each edition's entries,
    -- held. A snapshot older than a change to either fails here; a current one sees it below.
    -- Row-level security lets a juror write only their own cells, so a juror bumps only their own point.
    FOR v_point IN EXECUTE format(
        'SELECT DISTINCT juror_id FROM %s c ORDER BY juror_id', v_cells)
    LOOP
        PERFORM ecpa.bump('juror:' || v_point.juror_id);
    END LOOP;
    FOR v_point IN EXECUTE format(
        'SELECT DISTINCT edition_id FROM %s c ORDER BY edition_id', v_cells)
    LOOP
        PERFORM ecpa.hold('entries:' || v_point.edition_id);
    END LOOP;

    EXECUTE format($q$
        SELECT c.*, ed.year, ed.phase, ed.scoring_open,
               e.id IS NOT NULL AS entry_found, e.edition_id AS entry_edition, e.state, e.kind,
               e.country_code AS entry_country, e.title,
               j.id IS NOT NULL AS juror_found, j.edition_id AS juror_edition, j.role_name, j.voting,
               j.country_code AS juror_country,
               (ed.own_country_conflict AND e.country_code = j.country_code) AS own_country,
               EXISTS (SELECT FROM ecpa.declared_conflicts d WHERE d.juror_id = c.juror_id AND d.entry_id = c.entry_id) AS declared,
               cr.code IS NOT NULL AS criterion_found, cr.name AS criterion_name,
               cr.min_value, cr.max_value, cr.step
        FROM %s c
        LEFT JOIN ecpa.editions ed ON ed.id = c.edition_id
        LEFT JOIN ecpa.entries e ON e.id = c.entry_id
        LEFT JOIN ecpa.jurors j ON j.id = c.juror_id
        LEFT JOIN ecpa.criteria cr ON cr.edition_id = c.edition_id AND cr.code = c.criterion_code
        WHERE ed.phase IS DISTINCT FROM 'scoring' OR NOT ed.scoring_open
           OR j.id IS NULL OR j.edition_id IS DISTINCT FROM c.edition_id
           OR NOT ($1 OR j.role_name = $4)
           OR NOT j.voting
           OR e.id IS NULL OR e.edition_id IS DISTINCT FROM c.edition_id
           OR ($2 AND (
                  e.kind <> 'competing' OR e.state <> 'eligible'
                  OR (ed.own_country_conflict AND e.country_code = j.country_code)
                  OR EXISTS (SELECT FROM ecpa.declared_conflicts d WHERE d.juror_id = c.juror_id AND d.entry_id = c.entry_id)
                  OR ($3 AND (cr.code IS NULL OR NOT ecpa.on_scale(c.value, cr.min_value, cr.max_value, cr.step)))))
        LIMIT 1 $q$, v_cells)
        INTO v_bad USING v_secretariat, v_writing, TG_TABLE_NAME = 'scores', v_actor;
    GET DIAGNOSTICS v_found = ROW_COUNT;

    IF v_found > 0 THEN
        PERFORM ecpa.refuse_unless_scoring(v_bad.year, v_bad.phase, v_bad.scoring_open);
        IF NOT v_bad.juror_found OR v_bad.juror_edition IS DISTINCT FROM v_bad.edition_id THEN
            RAISE EXCEPTION 'juror % is not on the jury of the % edition', v_bad.juror_id, v_bad.year
                USING ERRCODE = '23503';
        ELSIF NOT (v_secretariat OR v_bad.role_name = v_actor) THEN
            RAISE EXCEPTION 'you can write only your own scores, not those of juror %', v_bad.role_name
                USING ERRCODE = '42501';
        ELSIF NOT v_bad.voting THEN
            RAISE EXCEPTION 'juror % is an advisory member of the jury and does not score', v_bad.role_name
                USING ERRCODE = '42501';
        ELSIF NOT v_bad.entry_found OR v_bad.entry_edition IS DISTINCT FROM v_bad.edition_id THEN
            RAISE EXCEPTION 'entry % is not an entry of the % edition', v_bad.entry_id, v_bad.year
                USING ERRCODE = '23503';
        ELSIF v_bad.kind <> 'competing' THEN
            RAISE EXCEPTION 'entry % "%" is an additional entry; only competing entries are scored', v_bad.entry_id, v_bad.title
                USING ERRCODE = 'EC004';
        ELSIF v_bad.state <> 'eligible' THEN
            RAISE EXCEPTION 'entry % "%" is %; only eligible entries are scored', v_bad.entry_id, v_bad.title, v_bad.state
                USING ERRCODE = 'EC004';
        ELSIF v_bad.own_country THEN
            RAISE EXCEPTION 'juror % is from %, the country of entry % "%", and does not score it',
                    v_bad.role_name, v_bad.juror_country, v_bad.entry_id, v_bad.title
                USING ERRCODE = 'EC005';
        ELSIF v_bad.declared THEN
            RAISE EXCEPTION 'juror % declared a conflict of interest with entry % "%" and does not score it',
                    v_bad.role_name, v_bad.entry_id, v_bad.title
                USING ERRCODE = 'EC005';
        ELSIF NOT v_bad.criterion_found THEN
            RAISE EXCEPTION 'the % edition has no criterion "%"', v_bad.year, v_bad.criterion_code
                USING ERRCODE = '23503';
        ELSE
            RAISE EXCEPTION '% is not on the scale of % for entry %: scores go from % to % in steps of %',
                    v_bad.value, v_bad.criterion_name, v_bad.entry_id, v_bad.min_value, v_bad.max_value, v_bad.step
                USING ERRCODE = '23514', CONSTRAINT = 'scores_on_scale';
        END IF;
    END IF;

    -- The present, not the snapshot: lock each edition concerned and check its phase again.
    FOR v_edition IN EXECUTE format(
        'SELECT id, year, phase, scoring_open FROM ecpa.editions WHERE id IN (SELECT edition_id FROM %s c) ORDER BY id FOR SHARE',
        v_cells)
    LOOP
        PERFORM ecpa.refuse_while_edition_changes(v_edition.id);
        PERFORM ecpa.refuse_unless_scoring(v_edition.year, v_edition.phase, v_edition.scoring_open);
    END LOOP;

    -- A cell is either scored or abstained, never both.
    IF v_writing THEN
        EXECUTE format($q$
            SELECT EXISTS (
                SELECT FROM (SELECT DISTINCT entry_id, juror_id FROM %s c) w
                WHERE EXISTS (SELECT FROM ecpa.abstentions a WHERE a.entry_id = w.entry_id AND a.juror_id = w.juror_id)
                  AND EXISTS (SELECT FROM ecpa.scores s WHERE s.entry_id = w.entry_id AND s.juror_id = w.juror_id)) $q$,
            v_cells) INTO v_any;
        IF v_any THEN
            RAISE EXCEPTION 'a juror cannot both score and abstain on the same entry; withdraw the abstention or delete the scores first'
                USING ERRCODE = 'EC004';
        END IF;
    END IF;

    -- The insert part of an upsert continues the batch its update part started.
    IF v_joining AND TG_OP = 'INSERT' AND v_pending <> 'open' THEN
        v_batch := v_pending::bigint;
        -- Only the batch this session's update part just opened can be continued.
        IF v_batch <> currval('ecpa.score_batch_ids') OR NOT ecpa.score_batch_is_open(v_batch) THEN
            RAISE EXCEPTION 'score batch % is not open in this statement', v_batch USING ERRCODE = '42501';
        END IF;
        v_operation := 'upsert scores';
    ELSE
        v_batch := nextval('ecpa.score_batch_ids');
    END IF;
    IF TG_TABLE_NAME = 'scores' THEN
        EXECUTE format($q$
            INSERT INTO ecpa.score_events (batch_id, edition_id, entry_id, juror_id, criterion_code, action,
                                           at, actor, old_value, new_value, old_comment, new_comment)
            SELECT $1, coalesce(n.edition_id, o.edition_id), coalesce(n.entry_id, o.entry_id),
                   coalesce(n.juror_id, o.juror_id), coalesce(n.criterion_code, o.criterion_code), $2,
                   $3, $4, o.value, n.value, o.comment, n.comment
            FROM %s
            ORDER BY 3, 4, 5, 6 $q$,
            CASE TG_OP
                WHEN 'INSERT' THEN 'new_rows n LEFT JOIN (SELECT * FROM new_rows WHERE false) o ON false'
                WHEN 'DELETE' THEN 'old_rows o LEFT JOIN (SELECT * FROM old_rows WHERE false) n ON false'
                ELSE 'new_rows n JOIN old_rows o USING (entry_id, juror_id, criterion_code) WHERE n.edition_id = o.edition_id'
            END)
            USING v_batch, lower(TG_OP), v_at, v_actor;
        GET DIAGNOSTICS v_events = ROW_COUNT;
        -- An update pairs each new row with its old one; a row without its pair moved to another cell.
        IF TG_OP = 'UPDATE' THEN
            EXECUTE 'SELECT count(*) FROM new_rows' INTO v_count;
            IF v_count <> v_events THEN
                RAISE EXCEPTION 'a score cell cannot move to another entry, juror, criterion or edition; nothing was changed'
                    USING ERRCODE = 'EC004';
            END IF;
        END IF;
    ELSE
        EXECUTE format($q$
            INSERT INTO ecpa.score_events (batch_id, edition_id, entry_id, juror_id, criterion_code, action,
                                           at, actor, old_comment, new_comment)
            SELECT $1, r.edition_id, r.entry_id, r.juror_id, NULL, $2, $3, $4, NULL, r.comment
            FROM %I r ORDER BY 3, 4 $q$,
            CASE WHEN v_writing THEN 'new_rows' ELSE 'old_rows' END)
            USING v_batch, CASE WHEN v_writing THEN 'abstain' ELSE 'unabstain' END, v_at, v_actor;
    END IF;

    -- The update part of an upsert leaves its events for the insert part, which fires next.
    IF v_joining AND TG_OP = 'UPDATE' THEN
        PERFORM set_config('ecpa.score_upsert_batch', v_batch::text, true);
        RETURN NULL;
    ELSIF v_joining THEN
        PERFORM set_config('ecpa.score_upsert_batch', '', true);
    END IF;

    SELECT count(*), encode(sha256(convert_to(coalesce(string_agg(ecpa.score_event_text(e), E'\n' ORDER BY e.id), ''), 'UTF8')), 'hex')
    INTO v_count, v_digest
    FROM ecpa.score_events e WHERE e.batch_id = v_batch;
    IF v_count = 0 THEN
        RETURN NULL;
    END IF;
    INSERT INTO ecpa.score_batches (id, at, actor, operation, event_count, rows_digest)
    VALUES (v_batch, v_at, v_actor, v_operation, v_count, v_digest);
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION ecpa.score_statement() FROM PUBLIC;
REVOKE ALL ON FUNCTION ecpa.scores_upsert_begin() FROM PUBLIC;
REVOKE ALL ON FUNCTION ecpa.score_batch_is_open(bigint) FROM PUBLIC;

-- Links every committed batch not yet in the chain, in id order, after the head, and moves the
-- head; returns how many it sealed. Only the secretariat (and the freeze) seal: the head is the one
-- row every sealer queues on.
CREATE FUNCTION ecpa.seal_score_ledger() RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_head   ecpa.ledger_head;
    v_batch  ecpa.score_batches;
    v_hash   text;
    v_sealed integer := 0;
BEGIN
    IF NOT ecpa.is_secretariat() THEN
        RAISE EXCEPTION 'only the secretariat seals the score ledger' USING ERRCODE = '42501';
    END IF;
    SELECT * INTO v_head FROM ecpa.ledger_head FOR UPDATE;
    FOR v_batch IN SELECT * FROM ecpa.score_batches WHERE chain_position IS NULL ORDER BY id LOOP
        v_hash := ecpa.score_batch_hash(v_head.hash, v_batch.id, v_batch.at, v_batch.actor, v_batch.operation,
                                        v_batch.event_count, v_batch.rows_digest);
        UPDATE ecpa.score_batches SET prev_hash = v_head.hash, hash = v_hash, chain_position = v_head.chain_position + 1
        WHERE id = v_batch.id;
        v_head.hash := v_hash;
        v_head.batch_id := v_batch.id;
        v_head.chain_position := v_head.chain_position + 1;
        v_sealed := v_sealed + 1;
    END LOOP;
    UPDATE ecpa.ledger_head SET batch_id = v_head.batch_id, hash = v_head.hash, chain_position = v_head.chain_position;
    RETURN v_sealed;
END
$$;
REVOKE ALL ON FUNCTION ecpa.seal_score_ledger() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ecpa.seal_score_ledger() TO ecpa_secretariat;

-- Recomputes every batch's digest from its events and the chain from the first sealed batch;
-- returns each batch whose events, link or hash differ from what they should be (none when the
-- ledger is intact). Batches not yet sealed are checked against their digest only.
CREATE OR REPLACE FUNCTION ecpa.verify_score_ledger()
    RETURNS TABLE (batch_id bigint, problem text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_prev     text := repeat('0', 64);
    v_position bigint := 0;
    v_batch    ecpa.score_batches;
    v_digest   text;
    v_count    integer;
    v_head     ecpa.ledger_head;
BEGIN
    FOR v_batch IN SELECT * FROM ecpa.score_batches ORDER BY chain_position NULLS LAST, id LOOP
        SELECT count(*), encode(sha256(convert_to(coalesce(string_agg(ecpa.score_event_text(e), E'\n' ORDER BY e.id), ''), 'UTF8')), 'hex')
        INTO v_count, v_digest FROM ecpa.score_events e WHERE e.batch_id = v_batch.id;
        IF v_count <> v_batch.event_count OR v_digest <> v_batch.rows_digest THEN
            batch_id := v_batch.id; problem := 'its events were changed'; RETURN NEXT;
        END IF;
        CONTINUE WHEN v_batch.chain_position IS NULL;
        IF v_batch.chain_position <> v_position + 1 OR v_batch.prev_hash <> v_prev THEN
            batch_id := v_batch.id; problem := 'does not follow the batch before it'; RETURN NEXT;
        END IF;
        IF ecpa.score_batch_hash(v_batch.prev_hash, v_batch.id, v_batch.at, v_batch.actor, v_batch.operation,
                                 v_batch.event_count, v_batch.rows_digest) <> v_batch.hash THEN
            batch_id := v_batch.id; problem := 'its hash does not match its contents'; RETURN NEXT;
        END IF;
        v_prev := v_batch.hash;
        v_position := v_batch.chain_position;
    END LOOP;
    SELECT * INTO v_head FROM ecpa.ledger_head;
    IF v_prev <> v_head.hash OR v_position <> v_head.chain_position THEN
        batch_id := NULL; problem := 'the head does not point at the last sealed batch'; RETURN NEXT;
    END IF;
END
$$;

-- The ledger records who changed each cell and when; these stamps could be written by hand.
DROP TRIGGER scores_stamp ON ecpa.scores;
DROP TRIGGER abstentions_stamp ON ecpa.abstentions;
DROP FUNCTION ecpa.scores_stamp();
ALTER TABLE ecpa.scores DROP COLUMN updated_at, DROP COLUMN updated_by;
ALTER TABLE ecpa.abstentions DROP COLUMN updated_at, DROP COLUMN updated_by;

-- A juror abstains on an entry: their scores for it are deleted and the abstention recorded.
-- The statement trigger checks who may (the juror themself, or the secretariat) and the phase.
CREATE FUNCTION ecpa.abstain(p_edition bigint, p_entry bigint, p_juror bigint, p_comment text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NOT (ecpa.is_secretariat() OR EXISTS (SELECT FROM ecpa.jurors WHERE id = p_juror AND role_name = ecpa.actor())) THEN
        RAISE EXCEPTION 'you can abstain only for yourself' USING ERRCODE = '42501';
    END IF;
    DELETE FROM ecpa.scores WHERE entry_id = p_entry AND juror_id = p_juror;
    INSERT INTO ecpa.abstentions (edition_id, entry_id, juror_id, comment)
    VALUES (p_edition, p_entry, p_juror, p_comment)
    ON CONFLICT (entry_id, juror_id) DO NOTHING;
END
$$;

-- Withdraws an abstention so the juror can score the entry; returns whether there was one.
CREATE FUNCTION ecpa.withdraw_abstention(p_entry bigint, p_juror bigint) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_deleted integer;
BEGIN
    IF NOT (ecpa.is_secretariat() OR EXISTS (SELECT FROM ecpa.jurors WHERE id = p_juror AND role_name = ecpa.actor())) THEN
        RAISE EXCEPTION 'you can withdraw only your own abstentions' USING ERRCODE = '42501';
    END IF;
    DELETE FROM ecpa.abstentions WHERE entry_id = p_entry AND juror_id = p_juror;
    GET DIAGNOSTICS v_deleted = ROW_COUNT;
    RETURN v_deleted > 0;
END
$$;
REVOKE ALL ON FUNCTION ecpa.abstain(bigint, bigint, bigint, text), ecpa.withdraw_abstention(bigint, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ecpa.abstain(bigint, bigint, bigint, text), ecpa.withdraw_abstention(bigint, bigint)
    TO ecpa_secretariat, ecpa_juror;

-- Rights: the ledger is read, never written, by the people; scores are inserted and their value
-- and comment updated, nothing else.
DROP POLICY score_events_append ON ecpa.score_events;
CREATE POLICY score_events_owner_append ON ecpa.score_events FOR INSERT TO ecpa_owner WITH CHECK (true);
REVOKE ALL ON ecpa.score_events, ecpa.score_batches, ecpa.ledger_head
    FROM ecpa_secretariat, ecpa_national_representative, ecpa_juror, ecpa_reader;
REVOKE ALL ON SEQUENCE ecpa.score_batch_ids FROM ecpa_secretariat, ecpa_national_representative, ecpa_juror, ecpa_reader;
GRANT SELECT ON ecpa.score_events TO ecpa_secretariat, ecpa_juror;
GRANT SELECT ON ecpa.score_batches, ecpa.ledger_head TO ecpa_secretariat;
REVOKE UPDATE, DELETE, TRUNCATE ON ecpa.scores FROM ecpa_secretariat, ecpa_juror;
GRANT UPDATE (value, comment) ON ecpa.scores TO ecpa_secretariat, ecpa_juror;
REVOKE UPDATE, DELETE, TRUNCATE ON ecpa.abstentions FROM ecpa_secretariat, ecpa_juror;

RESET ROLE;
