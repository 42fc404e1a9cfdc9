-- The score ledger: every score or abstention written, changed or deleted appends events (who,
-- when, old and new value) to an append-only, hash-chained log. Each statement is one batch:
-- its events are hashed into a digest, and the batch's hash covers the previous batch's hash,
-- so a bulk import is one link of the chain while every cell's history stays readable. A single
-- head row serializes appends, so concurrent writers cannot fork the chain. The same statement
-- trigger checks the scoring rules set-based, so a bulk import costs a few joins, not a trigger
-- call per row.
SET ROLE ecpa_owner;

CREATE SEQUENCE ecpa.score_batch_ids;

CREATE TABLE ecpa.score_batches (
    id          bigint PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor       text NOT NULL,
    operation   text NOT NULL,
    event_count integer NOT NULL,
    rows_digest text NOT NULL,
    prev_hash   text NOT NULL,
    hash        text NOT NULL UNIQUE
);

CREATE TABLE ecpa.score_events (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    batch_id       bigint NOT NULL REFERENCES ecpa.score_batches (id) DEFERRABLE INITIALLY DEFERRED,
    edition_id     bigint NOT NULL,
    entry_id       bigint NOT NULL,
    juror_id       bigint NOT NULL,
    criterion_code text,
    action         text NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'abstain', 'unabstain')),
    at             timestamptz NOT NULL DEFAULT now(),
    actor          text NOT NULL DEFAULT current_user,
    old_value      numeric,
    new_value      numeric,
    old_comment    text,
    new_comment    text
);
CREATE INDEX score_events_batch ON ecpa.score_events (batch_id);
CREATE INDEX score_events_cell ON ecpa.score_events (entry_id, juror_id, criterion_code);

CREATE TABLE ecpa.ledger_head (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    batch_id bigint,
    hash     text NOT NULL
);
INSERT INTO ecpa.ledger_head (hash) VALUES (repeat('0', 64));

-- The canonical text of an event, hashed into its batch's digest. No SET clause, so PostgreSQL
-- can inline it into the digest query instead of calling it once per event.
CREATE FUNCTION ecpa.score_event_text(e ecpa.score_events) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$
        SELECT jsonb_build_array(e.edition_id, e.entry_id, e.juror_id, e.criterion_code, e.action,
                                 e.old_value, e.new_value, e.old_comment, e.new_comment, e.actor,
                                 to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text
    $$;

-- The hash of a batch: the previous hash, the batch's identity and its rows' digest.
CREATE FUNCTION ecpa.score_batch_hash(p_prev text, p_id bigint, p_at timestamptz, p_actor text,
                                      p_operation text, p_count integer, p_digest text) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog
    AS $$
        SELECT encode(sha256(convert_to(concat_ws('|', p_prev, p_id,
            to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), p_actor, p_operation,
            p_count, p_digest), 'UTF8')), 'hex')
    $$;

-- Ledger rows are written only from the triggers below; nobody changes or deletes them.
CREATE FUNCTION ecpa.ledger_guard() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog
    AS $$
BEGIN
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND TG_TABLE_NAME <> 'ledger_head') THEN
        RAISE EXCEPTION 'the score ledger is append-only: % of % is refused', lower(TG_OP), TG_TABLE_NAME
            USING ERRCODE = '42501';
    END IF;
    IF pg_trigger_depth() < 2 THEN
        RAISE EXCEPTION 'the score ledger is written only by the database itself' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;
-- Once per statement, not per row: a bulk import appends many events in one statement.
CREATE TRIGGER score_batches_guard BEFORE INSERT OR UPDATE OR DELETE ON ecpa.score_batches
    FOR EACH STATEMENT EXECUTE FUNCTION ecpa.ledger_guard();
CREATE TRIGGER score_events_guard BEFORE INSERT OR UPDATE OR DELETE ON ecpa.score_events
    FOR EACH STATEMENT EXECUTE FUNCTION ecpa.ledger_guard();
CREATE TRIGGER ledger_head_guard BEFORE INSERT OR UPDATE OR DELETE ON ecpa.ledger_head
    FOR EACH ROW EXECUTE FUNCTION ecpa.ledger_guard();
-- Whoever appends a batch or an event is its actor: nobody can write a ledger row in another
-- person's name, even through a trigger of their own (pg_trigger_depth alone cannot tell).
CREATE FUNCTION ecpa.ledger_actor_guard() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog
    AS $$
BEGIN
    IF EXISTS (SELECT FROM new_rows WHERE actor IS DISTINCT FROM current_user) THEN
        RAISE EXCEPTION 'a score ledger row must name its writer, %', current_user USING ERRCODE = '42501';
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER score_batches_actor AFTER INSERT ON ecpa.score_batches
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ecpa.ledger_actor_guard();
CREATE TRIGGER score_events_actor AFTER INSERT ON ecpa.score_events
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ecpa.ledger_actor_guard();
CREATE TRIGGER score_batches_no_truncate BEFORE TRUNCATE ON ecpa.score_batches
    FOR EACH STATEMENT EXECUTE FUNCTION ecpa.ledger_guard();
CREATE TRIGGER score_events_no_truncate BEFORE TRUNCATE ON ecpa.score_events
    FOR EACH STATEMENT EXECUTE FUNCTION ecpa.ledger_guard();

CREATE FUNCTION ecpa.scores_upsert_begin() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog
    AS $$
BEGIN
    PERFORM set_config('ecpa.score_upsert_batch', 'open', true);
    RETURN NULL;
END
$$;


-- One statement on scores or abstentions: check every written cell against the scoring rules
-- (raising on the first violation, named), then append the statement's events as one batch.
-- An INSERT ... ON CONFLICT DO UPDATE fires the AFTER UPDATE statement trigger (for the rows it
-- updated) and then the AFTER INSERT one, each with its own transition tables; so a BEFORE INSERT
-- statement trigger marks an INSERT as under way (a transaction-local setting), the update part
-- writes its events under a new batch number without sealing it, and the insert part adds its
-- events to that batch and seals it: one statement, one batch. A setting forged by a client can
-- only leave events without a sealed batch, which the deferred foreign key of score_events
-- refuses at commit.
CREATE FUNCTION ecpa.score_statement() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog
    AS $$
DECLARE
    v_cells   text;
    v_writing boolean := TG_OP <> 'DELETE';
    v_bad     record;
    v_secretariat boolean := ecpa.is_secretariat();
    v_prev    text;
    v_batch   bigint;
    v_count   integer;
    v_digest  text;
    v_at      timestamptz := now();
    v_operation text := lower(TG_OP) || ' ' || TG_TABLE_NAME;
    v_found   integer;
    v_hash    text;
    -- 'open' while an INSERT on scores is under way (scores_upsert_begin), then the number of
    -- the batch its ON CONFLICT DO UPDATE part has started.
    v_pending text := nullif(current_setting('ecpa.score_upsert_batch', true), '');
    v_joining boolean := TG_TABLE_NAME = 'scores' AND TG_OP IN ('INSERT', 'UPDATE')
                         AND (v_pending = 'open' OR (TG_OP = 'INSERT' AND v_pending ~ '^[0-9]+$'));
    v_any     boolean;
BEGIN
    -- An upsert that updated nothing leaves the whole batch to its insert part.
    IF v_joining AND TG_OP = 'UPDATE' THEN
        EXECUTE 'SELECT EXISTS (SELECT FROM new_rows)' INTO v_any;
        IF NOT v_any THEN
            RETURN NULL;
        END IF;
    END IF;

    -- Lock the head first: every writer, and the freeze, queue here, so the rules below are
    -- checked against what the last one committed (a score cannot slip in after a freeze).
    SELECT hash INTO v_prev FROM ecpa.ledger_head FOR UPDATE;

    v_cells := CASE
        WHEN TG_TABLE_NAME = 'scores' THEN
            format('(SELECT edition_id, entry_id, juror_id, criterion_code, value FROM %I)',
                   CASE WHEN v_writing THEN 'new_rows' ELSE 'old_rows' END)
        ELSE
            format('(SELECT edition_id, entry_id, juror_id, NULL::text AS criterion_code, NULL::numeric AS value FROM %I)',
                   CASE WHEN v_writing THEN 'new_rows' ELSE 'old_rows' END)
        END;

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
           OR NOT ($1 OR j.role_name = current_user)
           OR NOT j.voting
           OR e.id IS NULL OR e.edition_id IS DISTINCT FROM c.edition_id
           OR ($2 AND (
                  e.kind <> 'competing' OR e.state <> 'eligible'
                  OR (ed.own_country_conflict AND e.country_code = j.country_code)
                  OR EXISTS (SELECT FROM ecpa.declared_conflicts d WHERE d.juror_id = c.juror_id AND d.entry_id = c.entry_id)
                  OR ($3 AND (cr.code IS NULL OR NOT ecpa.on_scale(c.value, cr.min_value, cr.max_value, cr.step)))))
        LIMIT 1 $q$, v_cells)
        INTO v_bad USING v_secretariat, v_writing, TG_TABLE_NAME = 'scores';
    GET DIAGNOSTICS v_found = ROW_COUNT;

    IF v_found > 0 THEN
        IF v_bad.phase IN ('frozen', 'published') THEN
            RAISE EXCEPTION 'the scores of the % edition are frozen; nothing was changed', v_bad.year
                USING ERRCODE = 'EC002';
        ELSIF v_bad.phase IS DISTINCT FROM 'scoring' OR NOT v_bad.scoring_open THEN
            RAISE EXCEPTION 'scoring for the % edition is not open; nothing was changed', coalesce(v_bad.year::text, 'this')
                USING ERRCODE = 'EC001';
        ELSIF NOT v_bad.juror_found OR v_bad.juror_edition IS DISTINCT FROM v_bad.edition_id THEN
            RAISE EXCEPTION 'juror % is not on the jury of the % edition', v_bad.juror_id, v_bad.year
                USING ERRCODE = '23503';
        ELSIF NOT (v_secretariat OR v_bad.role_name = current_user) THEN
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

    -- A cell is either scored or abstained, never both.
    IF v_writing THEN
        PERFORM FROM ecpa.abstentions a
        WHERE EXISTS (SELECT FROM ecpa.scores s WHERE s.entry_id = a.entry_id AND s.juror_id = a.juror_id);
        IF FOUND THEN
            RAISE EXCEPTION 'a juror cannot both score and abstain on the same entry; withdraw the abstention or delete the scores first'
                USING ERRCODE = 'EC004';
        END IF;
    END IF;

    -- Append the batch: lock the head (serializing every writer), write the events, seal. The
    -- insert part of an upsert continues the batch its update part started (and locked for).
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
                                           old_value, new_value, old_comment, new_comment)
            SELECT $1, coalesce(n.edition_id, o.edition_id), coalesce(n.entry_id, o.entry_id),
                   coalesce(n.juror_id, o.juror_id), coalesce(n.criterion_code, o.criterion_code), $2,
                   o.value, n.value, o.comment, n.comment
            FROM %s
            ORDER BY 3, 4, 5, 6 $q$,
            CASE TG_OP
                WHEN 'INSERT' THEN 'new_rows n LEFT JOIN (SELECT * FROM new_rows WHERE false) o ON false'
                WHEN 'DELETE' THEN 'old_rows o LEFT JOIN (SELECT * FROM old_rows WHERE false) n ON false'
                ELSE 'new_rows n JOIN old_rows o USING (entry_id, juror_id, criterion_code)'
            END)
            USING v_batch, lower(TG_OP);
    ELSE
        EXECUTE format($q$
            INSERT INTO ecpa.score_events (batch_id, edition_id, entry_id, juror_id, criterion_code, action,
                                           old_comment, new_comment)
            SELECT $1, r.edition_id, r.entry_id, r.juror_id, NULL, $2, $3, r.comment
            FROM %I r ORDER BY 3, 4 $q$,
            CASE WHEN v_writing THEN 'new_rows' ELSE 'old_rows' END)
            USING v_batch, CASE WHEN v_writing THEN 'abstain' ELSE 'unabstain' END, NULL::text;
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
    v_hash := ecpa.score_batch_hash(v_prev, v_batch, v_at, current_user, v_operation, v_count, v_digest);
    INSERT INTO ecpa.score_batches (id, at, actor, operation, event_count, rows_digest, prev_hash, hash)
    VALUES (v_batch, v_at, current_user, v_operation, v_count, v_digest, v_prev, v_hash);
    UPDATE ecpa.ledger_head SET batch_id = v_batch, hash = v_hash;
    RETURN NULL;
END
$$;

CREATE TRIGGER scores_upsert_begin BEFORE INSERT ON ecpa.scores
    FOR EACH STATEMENT EXECUTE FUNCTION ecpa.scores_upsert_begin();
CREATE TRIGGER scores_insert_ledger AFTER INSERT ON ecpa.scores
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ecpa.score_statement();
CREATE TRIGGER scores_update_ledger AFTER UPDATE ON ecpa.scores
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ecpa.score_statement();
CREATE TRIGGER scores_delete_ledger AFTER DELETE ON ecpa.scores
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ecpa.score_statement();
CREATE TRIGGER abstentions_insert_ledger AFTER INSERT ON ecpa.abstentions
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ecpa.score_statement();
CREATE TRIGGER abstentions_delete_ledger AFTER DELETE ON ecpa.abstentions
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ecpa.score_statement();

-- Whether a batch has events but is not sealed yet (the update part of an upsert opened it).
-- Runs as the owner, so jurors need not read the batches (their digests could be guessed).
CREATE FUNCTION ecpa.score_batch_is_open(p_batch bigint) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
        SELECT NOT EXISTS (SELECT FROM ecpa.score_batches WHERE id = p_batch)
           AND EXISTS (SELECT FROM ecpa.score_events WHERE batch_id = p_batch)
    $$;

-- Recomputes the chain from the first batch; returns the batches whose digest or hash differ
-- from what their events and predecessor say (none when the ledger is intact).
CREATE FUNCTION ecpa.verify_score_ledger()
    RETURNS TABLE (batch_id bigint, problem text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_prev text := repeat('0', 64);
    v_batch ecpa.score_batches;
    v_digest text;
    v_count integer;
BEGIN
    FOR v_batch IN SELECT * FROM ecpa.score_batches ORDER BY id LOOP
        SELECT count(*), encode(sha256(convert_to(coalesce(string_agg(ecpa.score_event_text(e), E'\n' ORDER BY e.id), ''), 'UTF8')), 'hex')
        INTO v_count, v_digest FROM ecpa.score_events e WHERE e.batch_id = v_batch.id;
        IF v_batch.prev_hash <> v_prev THEN
            batch_id := v_batch.id; problem := 'does not follow the batch before it'; RETURN NEXT;
        END IF;
        IF v_count <> v_batch.event_count OR v_digest <> v_batch.rows_digest THEN
            batch_id := v_batch.id; problem := 'its events were changed'; RETURN NEXT;
        END IF;
        IF ecpa.score_batch_hash(v_batch.prev_hash, v_batch.id, v_batch.at, v_batch.actor, v_batch.operation,
                                 v_batch.event_count, v_batch.rows_digest) <> v_batch.hash THEN
            batch_id := v_batch.id; problem := 'its hash does not match its contents'; RETURN NEXT;
        END IF;
        v_prev := v_batch.hash;
    END LOOP;
    IF v_prev <> (SELECT hash FROM ecpa.ledger_head) THEN
        batch_id := NULL; problem := 'the head does not point at the last batch'; RETURN NEXT;
    END IF;
END
$$;

ALTER TABLE ecpa.score_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE ecpa.score_events FORCE ROW LEVEL SECURITY;
CREATE POLICY score_events_secretariat ON ecpa.score_events FOR SELECT USING (ecpa.is_secretariat());
CREATE POLICY score_events_own ON ecpa.score_events FOR SELECT USING (juror_id = ecpa.my_juror_id(edition_id));
CREATE POLICY score_events_append ON ecpa.score_events FOR INSERT WITH CHECK (true);

-- The owner reads every event (the definer functions above run as the owner).
CREATE POLICY score_events_owner ON ecpa.score_events FOR SELECT TO ecpa_owner USING (true);

-- Jurors append batches but never read them: a batch's digest covers a juror's few values and
-- could be guessed by trying every combination.
GRANT SELECT, INSERT ON ecpa.score_events TO ecpa_secretariat, ecpa_juror;
GRANT SELECT, INSERT ON ecpa.score_batches TO ecpa_secretariat;
GRANT INSERT ON ecpa.score_batches TO ecpa_juror;
GRANT SELECT, UPDATE ON ecpa.ledger_head TO ecpa_secretariat, ecpa_juror;
GRANT USAGE ON SEQUENCE ecpa.score_batch_ids TO ecpa_secretariat, ecpa_juror;

RESET ROLE;
