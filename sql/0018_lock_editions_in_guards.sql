-- Phase rules see the present, not the writer's snapshot. Each guard reads the edition twice:
-- first as the writer's transaction sees it, refusing at once without taking a lock (so a refused
-- write cannot be used to hold one), then again with FOR SHARE. That lock makes a phase change
-- wait until the writer's transaction ends; and a writer whose snapshot was taken before a phase
-- change committed gets "could not serialize access due to concurrent update" (40001) at that
-- second read, in REPEATABLE READ and SERIALIZABLE, instead of writing into a closed phase. In
-- READ COMMITTED the second read sees the committed phase and the rule refuses.
--
-- The guards run as the owner, so that they may take the lock and read what they check whatever
-- the writer may see; they name the acting role with ecpa.actor(). Their times are the clock's
-- (clock_timestamp()), not the start of the writer's transaction.
--
-- The phase is not the only thing a rule reads that another person may change meanwhile: a
-- score's rules also read the entry's state and the juror's declared conflicts, and the jury's
-- size limit counts the jury. For those, serialization points: a row per thing whose change must
-- make a writer with an older snapshot fail rather than act on what it no longer sees. Whoever
-- changes the thing bumps its point (an UPDATE); whoever relies on it bumps or holds the point
-- first. In REPEATABLE READ and SERIALIZABLE a transaction whose snapshot predates a committed
-- bump then fails with 40001; in READ COMMITTED it waits for the other transaction and its checks
-- see the change. Points: 'juror:ID' (a juror's cells and conflicts; every score write bumps it,
-- so one juror's writes also queue one behind the other), 'entries:ID' (the entries of an edition
-- being scored), 'jury:ID' (an edition's jury).
SET ROLE ecpa_owner;

CREATE TABLE ecpa.serialization_points (
    point   text PRIMARY KEY,
    version bigint NOT NULL DEFAULT 0
);

-- Marks a change to what a point protects.
CREATE FUNCTION ecpa.bump(p_point text) RETURNS void
    LANGUAGE sql
    SET search_path = pg_catalog, pg_temp
    AS $$
        INSERT INTO ecpa.serialization_points AS s (point, version) VALUES (p_point, 1)
        ON CONFLICT (point) DO UPDATE SET version = s.version + 1
    $$;

-- Refuses when another session waits to change the row this transaction has just locked FOR
-- SHARE. PostgreSQL grants a new FOR SHARE lock beside the ones already held even while an UPDATE
-- waits for them, so writers overlapping one another, a representative's two sessions in turn,
-- could hold back a phase change for as long as they kept coming, and no lock timeout ends that
-- wait, which begins again with each new holder. The waiting UPDATE holds the row's tuple lock
-- (pg_locks shows it, whatever the isolation level); a writer that finds it steps aside, so the
-- change waits only for the writers already in flight.
CREATE FUNCTION ecpa.refuse_if_waited_for(p_table regclass, p_row tid, p_what text) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF EXISTS (SELECT FROM pg_locks l
               WHERE l.locktype = 'tuple' AND l.relation = p_table
                 AND l.database = (SELECT d.oid FROM pg_database d WHERE d.datname = current_database())
                 AND l.page = (p_row::text::point)[0]::integer AND l.tuple = (p_row::text::point)[1]::integer
                 AND l.pid <> pg_backend_pid()) THEN
        RAISE EXCEPTION '% is being changed by another session at this moment (the secretariat moving the edition to another phase, say); nothing was written', p_what
            USING ERRCODE = 'EC006', HINT = 'Run the command again in a moment.';
    END IF;
END
$$;
REVOKE ALL ON FUNCTION ecpa.refuse_if_waited_for(regclass, tid, text) FROM PUBLIC;

-- Relies on what a point protects staying as this transaction sees it: holds it FOR SHARE, so that
-- readers do not queue behind one another, only behind a change.
CREATE FUNCTION ecpa.hold(p_point text) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_row tid;
BEGIN
    INSERT INTO ecpa.serialization_points (point) VALUES (p_point) ON CONFLICT (point) DO NOTHING;
    SELECT ctid INTO v_row FROM ecpa.serialization_points WHERE point = p_point FOR SHARE;
    PERFORM ecpa.refuse_if_waited_for('ecpa.serialization_points', v_row,
        CASE WHEN p_point LIKE 'entries:%' THEN 'Which entries are eligible' ELSE 'What this write relies on' END);
END
$$;
REVOKE ALL ON FUNCTION ecpa.bump(text), ecpa.hold(text) FROM PUBLIC;

-- The edition's row, locked FOR SHARE by this transaction, must not be one a change waits for.
CREATE FUNCTION ecpa.refuse_while_edition_changes(p_edition bigint) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_row tid;
    v_year integer;
BEGIN
    SELECT ctid, year INTO v_row, v_year FROM ecpa.editions WHERE id = p_edition;
    PERFORM ecpa.refuse_if_waited_for('ecpa.editions', v_row, format('The %s edition', v_year));
END
$$;
REVOKE ALL ON FUNCTION ecpa.refuse_while_edition_changes(bigint) FROM PUBLIC;

-- Every point exists before anyone relies on it: a point inserted by the first writer would make
-- every other writer wait for that writer's transaction. An edition's points come with the
-- edition, a juror's with the seat.
CREATE FUNCTION ecpa.create_serialization_points() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF TG_TABLE_NAME = 'editions' THEN
        INSERT INTO ecpa.serialization_points (point)
        VALUES ('entries:' || NEW.id), ('jury:' || NEW.id) ON CONFLICT DO NOTHING;
    ELSE
        INSERT INTO ecpa.serialization_points (point) VALUES ('juror:' || NEW.id) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION ecpa.create_serialization_points() FROM PUBLIC;
CREATE TRIGGER editions_serialization_points AFTER INSERT ON ecpa.editions
    FOR EACH ROW EXECUTE FUNCTION ecpa.create_serialization_points();
CREATE TRIGGER jurors_serialization_points AFTER INSERT ON ecpa.jurors
    FOR EACH ROW EXECUTE FUNCTION ecpa.create_serialization_points();
INSERT INTO ecpa.serialization_points (point)
SELECT p || id FROM ecpa.editions, unnest(ARRAY['entries:', 'jury:']) p
UNION ALL SELECT 'juror:' || id FROM ecpa.jurors
ON CONFLICT DO NOTHING;

-- The lifecycle (DESIGN.md section 3), as 0004 wrote it; once frozen, none of the facts the
-- archive prints as confirmed may change (city, conference dates, time zone included); a phase
-- changes only in a READ COMMITTED transaction, whose rules read what is committed now (an older
-- snapshot opened scoring on criteria another session had just removed); and a new edition is
-- stamped with its creator and the clock.
CREATE OR REPLACE FUNCTION ecpa.editions_guard_phase() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.phase <> 'draft' THEN
            RAISE EXCEPTION 'a new edition starts in the draft phase' USING ERRCODE = 'EC003';
        END IF;
        NEW.created_at := clock_timestamp();
        NEW.created_by := ecpa.actor();
        RETURN NEW;
    END IF;
    IF NEW.phase IS DISTINCT FROM OLD.phase AND current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'an edition changes phase in a READ COMMITTED transaction, whose checks see what is committed now'
            USING ERRCODE = '25000';
    END IF;
    IF NEW.phase IS DISTINCT FROM OLD.phase AND NOT (
           (OLD.phase, NEW.phase) IN (
               ('draft', 'submissions_open'),
               ('submissions_open', 'submissions_closed'),
               ('submissions_closed', 'submissions_open'),
               ('submissions_closed', 'scoring'),
               ('scoring', 'frozen'),
               ('frozen', 'published'))) THEN
        RAISE EXCEPTION 'the % edition cannot move from % to %', OLD.year,
                replace(OLD.phase, '_', ' '), replace(NEW.phase, '_', ' ')
            USING ERRCODE = 'EC003',
                  HINT = 'Phases go draft, submissions open, submissions closed, scoring, frozen, published.';
    END IF;
    IF OLD.phase IN ('frozen', 'published') AND (to_jsonb(NEW) - 'phase') IS DISTINCT FROM (to_jsonb(OLD) - 'phase') THEN
        RAISE EXCEPTION 'the % edition is %; its details can no longer change', OLD.year, OLD.phase
            USING ERRCODE = 'EC002';
    END IF;
    RETURN NEW;
END
$$;

-- Why submissions to an edition are refused at an instant, or NULL when they are open.
CREATE FUNCTION ecpa.submission_refusal(p_edition ecpa.editions, p_at timestamptz) RETURNS text
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $$
        SELECT CASE
            WHEN p_edition.phase = 'draft' THEN
                format('submissions for the %s edition are not open yet', p_edition.year)
            WHEN p_edition.phase <> 'submissions_open' THEN
                format('submissions for the %s edition are closed (phase: %s)',
                       p_edition.year, replace(p_edition.phase, '_', ' '))
            WHEN p_at < p_edition.submissions_open_at THEN
                format('submissions for the %s edition open at %s (%s)', p_edition.year,
                       to_char(p_edition.submissions_open_at AT TIME ZONE p_edition.time_zone,
                               'YYYY-MM-DD HH24:MI'), p_edition.time_zone)
            WHEN p_at >= p_edition.submissions_close_at THEN
                format('the deadline for the %s edition passed at %s (%s)', p_edition.year,
                       to_char(p_edition.submissions_close_at AT TIME ZONE p_edition.time_zone,
                               'YYYY-MM-DD HH24:MI'), p_edition.time_zone)
        END
    $$;

-- Whether a country may send or change entries in an edition at an instant: NULL refusal when it
-- may; otherwise why not. A late acceptance recorded by the secretariat lifts the deadline (and a
-- call closed after it), never another phase; it is returned when it is what lets the country in.
CREATE FUNCTION ecpa.entry_window(p_edition ecpa.editions, p_country text, p_at timestamptz,
                                  OUT refusal text, OUT late_acceptance_id bigint, OUT late_possible boolean)
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    refusal := ecpa.submission_refusal(p_edition, p_at);
    late_possible := p_edition.phase IN ('submissions_open', 'submissions_closed');
    IF refusal IS NULL OR NOT late_possible THEN
        RETURN;
    END IF;
    SELECT id INTO late_acceptance_id FROM ecpa.late_acceptances
    WHERE edition_id = p_edition.id AND country_code = p_country AND accepted_until > p_at
    ORDER BY accepted_until DESC LIMIT 1;
    IF late_acceptance_id IS NOT NULL THEN
        refusal := NULL;
    END IF;
END
$$;

-- Whether a change edits an entry's content (creating, editing or submitting it), as opposed to
-- bookkeeping (a state change, a withdrawal).
CREATE FUNCTION ecpa.entry_content_edit(p_old ecpa.entries, p_new ecpa.entries) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog, pg_temp
    AS $$
        SELECT p_old.id IS NULL
            OR (to_jsonb(p_new) - ARRAY['state', 'ineligible_reason', 'updated_at', 'submitted_at', 'withdrawn_at',
                                        'late_acceptance_id'])
               IS DISTINCT FROM
               (to_jsonb(p_old) - ARRAY['state', 'ineligible_reason', 'updated_at', 'submitted_at', 'withdrawn_at',
                                        'late_acceptance_id'])
            OR (p_new.state = 'submitted' AND p_old.state = 'draft')
    $$;

CREATE OR REPLACE FUNCTION ecpa.entries_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_actor        text := ecpa.actor();
    v_secretariat  boolean := ecpa.is_secretariat();
    v_now          timestamptz := clock_timestamp();
    v_edition      ecpa.editions;
    v_window       record;
    v_country      text;
    v_existing     record;
    v_content_edit boolean;
    v_late         bigint;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF NEW.id <> OLD.id OR NEW.edition_id <> OLD.edition_id OR NEW.country_code <> OLD.country_code
           OR NEW.kind <> OLD.kind THEN
            RAISE EXCEPTION 'entry % cannot change its edition, country or kind', OLD.id
                USING ERRCODE = 'EC004',
                      HINT = 'Withdraw it and send a new entry instead.';
        END IF;
        IF OLD.state = 'withdrawn' THEN
            RAISE EXCEPTION 'entry % "%" was withdrawn and can no longer change', OLD.id, OLD.title
                USING ERRCODE = 'EC004';
        END IF;
        IF NEW.state <> OLD.state AND (OLD.state, NEW.state) NOT IN (
               ('draft', 'submitted'), ('draft', 'withdrawn'),
               ('submitted', 'eligible'), ('submitted', 'ineligible'), ('submitted', 'withdrawn'),
               ('eligible', 'ineligible'), ('ineligible', 'eligible'),
               ('eligible', 'withdrawn'), ('ineligible', 'withdrawn')) THEN
            RAISE EXCEPTION 'entry % cannot go from % to %', OLD.id, OLD.state, NEW.state
                USING ERRCODE = 'EC004';
        END IF;
        v_content_edit := ecpa.entry_content_edit(OLD, NEW);
        IF v_content_edit AND OLD.state NOT IN ('draft', 'submitted') THEN
            RAISE EXCEPTION 'entry % "%" is % and can no longer be edited', OLD.id, OLD.title, OLD.state
                USING ERRCODE = 'EC004';
        END IF;
    ELSE
        IF NEW.state NOT IN ('draft', 'submitted') THEN
            RAISE EXCEPTION 'a new entry is a draft or submitted, not %', NEW.state
                USING ERRCODE = 'EC004';
        END IF;
        v_content_edit := true;
    END IF;

    IF NOT v_secretariat THEN
        v_country := ecpa.my_country();
        IF v_country IS NULL THEN
            RAISE EXCEPTION 'role "%" is neither a national representative nor in the secretariat', v_actor
                USING ERRCODE = '42501';
        END IF;
        IF NEW.country_code <> v_country THEN
            RAISE EXCEPTION 'you represent %; entries of % are not yours to send or change',
                    v_country, NEW.country_code
                USING ERRCODE = '42501';
        END IF;
        IF NEW.state IN ('eligible', 'ineligible') THEN
            RAISE EXCEPTION 'only the secretariat decides whether an entry is eligible'
                USING ERRCODE = '42501';
        END IF;
    END IF;

    -- The phase and the submission window: as this transaction sees them, then locked.
    FOR v_pass IN 1..2 LOOP
        IF v_pass = 1 THEN
            SELECT * INTO v_edition FROM ecpa.editions WHERE id = NEW.edition_id;
        ELSE
            SELECT * INTO v_edition FROM ecpa.editions WHERE id = NEW.edition_id FOR SHARE;
            PERFORM ecpa.refuse_while_edition_changes(NEW.edition_id);
        END IF;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'there is no edition with id %', NEW.edition_id USING ERRCODE = '23503';
        END IF;
        IF v_edition.phase IN ('frozen', 'published') THEN
            RAISE EXCEPTION 'the % edition is %; its entries can no longer change', v_edition.year, v_edition.phase
                USING ERRCODE = 'EC002';
        END IF;
        -- Creating, editing and submitting need an open call; so does any change a representative
        -- makes (withdrawing included), even one that changes nothing.
        IF v_content_edit OR NOT v_secretariat THEN
            v_window := ecpa.entry_window(v_edition, NEW.country_code, v_now);
            IF v_window.refusal IS NOT NULL AND v_window.late_possible THEN
                RAISE EXCEPTION '%; nothing was changed', v_window.refusal
                    USING ERRCODE = 'EC001',
                          HINT = 'Only the secretariat can accept an entry after the deadline, with a recorded reason.';
            ELSIF v_window.refusal IS NOT NULL THEN
                RAISE EXCEPTION '%; nothing was changed', v_window.refusal USING ERRCODE = 'EC001';
            END IF;
            v_late := v_window.late_acceptance_id;
        END IF;
    END LOOP;

    -- A state change while the edition is scored makes jurors' older snapshots fail.
    IF v_edition.phase = 'scoring' THEN
        PERFORM ecpa.bump('entries:' || NEW.edition_id);
    END IF;

    -- Marks an entry sent late; nobody sets the mark by hand.
    NEW.late_acceptance_id := coalesce(v_late, OLD.late_acceptance_id);

    IF NEW.kind = 'competing' AND NEW.state <> 'withdrawn' THEN
        SELECT e.id, e.title, e.state, c.name AS country INTO v_existing
        FROM ecpa.entries e JOIN ecpa.countries c ON c.code = e.country_code
        WHERE e.edition_id = NEW.edition_id AND e.country_code = NEW.country_code
          AND e.kind = 'competing' AND e.state <> 'withdrawn' AND e.id <> NEW.id;
        IF FOUND THEN
            RAISE EXCEPTION '% already has a competing entry in the % edition: entry % "%" (%)',
                    v_existing.country, v_edition.year, v_existing.id, v_existing.title, v_existing.state
                USING ERRCODE = '23505',
                      CONSTRAINT = 'entries_one_competing_per_country',
                      HINT = format('Change that entry with `ecpa entry submit FILE --entry %s`, or withdraw it first; another project can be sent as an additional entry.', v_existing.id);
        END IF;
    END IF;

    IF NEW.state <> 'ineligible' THEN
        NEW.ineligible_reason := NULL;
    END IF;
    NEW.updated_at := v_now;
    IF TG_OP = 'INSERT' THEN
        NEW.created_at := v_now;
        NEW.created_by := v_actor;
        NEW.submitted_at := CASE WHEN NEW.state = 'submitted' THEN v_now END;
        NEW.withdrawn_at := NULL;
    ELSE
        NEW.created_at := OLD.created_at;
        NEW.created_by := OLD.created_by;
        NEW.submitted_at := CASE WHEN NEW.state = 'submitted' AND OLD.state = 'draft' THEN v_now
                                 WHEN NEW.state = 'draft' THEN NULL
                                 ELSE OLD.submitted_at END;
        NEW.withdrawn_at := CASE WHEN NEW.state = 'withdrawn' THEN v_now END;
    END IF;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION ecpa.entries_guard() FROM PUBLIC;
DROP FUNCTION ecpa.submission_refusal(ecpa.editions);

CREATE OR REPLACE FUNCTION ecpa.late_acceptances_stamp() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    NEW.recorded_at := clock_timestamp();
    NEW.recorded_by := ecpa.actor();
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION ecpa.late_acceptances_stamp() FROM PUBLIC;

-- The jury's rules are fixed once scoring opens (0008), and the limit of voting jurors is never
-- below the voting jurors already seated; the jury's point makes this wait for a seat in flight.
CREATE OR REPLACE FUNCTION ecpa.editions_guard_jury_rules() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_voting integer;
BEGIN
    IF OLD.phase IN ('scoring', 'frozen', 'published')
       AND (NEW.max_voting_jurors, NEW.own_country_conflict) IS DISTINCT FROM (OLD.max_voting_jurors, OLD.own_country_conflict) THEN
        RAISE EXCEPTION 'the jury rules of the % edition are fixed once scoring has opened', OLD.year
            USING ERRCODE = 'EC001';
    END IF;
    IF NEW.max_voting_jurors < OLD.max_voting_jurors THEN
        PERFORM ecpa.bump('jury:' || NEW.id);
        SELECT count(*) INTO v_voting FROM ecpa.jurors WHERE edition_id = NEW.id AND voting;
        IF v_voting > NEW.max_voting_jurors THEN
            RAISE EXCEPTION 'the % edition already has % voting jurors, more than %', OLD.year, v_voting, NEW.max_voting_jurors
                USING ERRCODE = '23514', CONSTRAINT = 'jurors_voting_limit',
                      HINT = 'Make some of them advisory, or remove them, first.';
        END IF;
    END IF;
    RETURN NEW;
END
$$;

-- People are stamped with who added them and when.
CREATE FUNCTION ecpa.people_stamp() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    NEW.created_at := CASE WHEN TG_OP = 'INSERT' THEN clock_timestamp() ELSE OLD.created_at END;
    NEW.created_by := CASE WHEN TG_OP = 'INSERT' THEN ecpa.actor() ELSE OLD.created_by END;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION ecpa.people_stamp() FROM PUBLIC;
CREATE TRIGGER people_stamp BEFORE INSERT OR UPDATE ON ecpa.people
    FOR EACH ROW EXECUTE FUNCTION ecpa.people_stamp();

-- The jury's size limit, and no changes once scoring has opened.
CREATE OR REPLACE FUNCTION ecpa.jurors_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_edition_id bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.edition_id ELSE NEW.edition_id END;
    v_edition    ecpa.editions;
    v_voting     integer;
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.edition_id <> OLD.edition_id THEN
        RAISE EXCEPTION 'a juror''s seat cannot move to another edition' USING ERRCODE = 'EC004';
    END IF;
    FOR v_pass IN 1..2 LOOP
        IF v_pass = 1 THEN
            SELECT * INTO v_edition FROM ecpa.editions WHERE id = v_edition_id;
        ELSE
            SELECT * INTO v_edition FROM ecpa.editions WHERE id = v_edition_id FOR SHARE;
            PERFORM ecpa.refuse_while_edition_changes(v_edition_id);
        END IF;
        IF v_edition.phase IN ('scoring', 'frozen', 'published') THEN
            RAISE EXCEPTION 'the jury of the % edition cannot change once scoring has opened', v_edition.year
                USING ERRCODE = 'EC001';
        END IF;
    END LOOP;
    -- Jury changes queue one behind the other, so two new seats cannot both pass the count.
    PERFORM ecpa.bump('jury:' || v_edition_id);
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    IF NEW.voting THEN
        SELECT count(*) INTO v_voting FROM ecpa.jurors
        WHERE edition_id = NEW.edition_id AND voting AND id <> NEW.id;
        IF v_voting >= v_edition.max_voting_jurors THEN
            RAISE EXCEPTION 'the % edition already has % voting jurors, its limit', v_edition.year, v_voting
                USING ERRCODE = '23514', CONSTRAINT = 'jurors_voting_limit',
                      HINT = 'Add this person as an advisory juror, or remove a voting juror first.';
        END IF;
    END IF;
    NEW.created_at := CASE WHEN TG_OP = 'INSERT' THEN clock_timestamp() ELSE OLD.created_at END;
    NEW.created_by := CASE WHEN TG_OP = 'INSERT' THEN ecpa.actor() ELSE OLD.created_by END;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION ecpa.jurors_guard() FROM PUBLIC;

CREATE OR REPLACE FUNCTION ecpa.declared_conflicts_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_juror_id bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.juror_id ELSE NEW.juror_id END;
    v_juror   ecpa.jurors;
    v_entry_edition bigint;
    v_edition ecpa.editions;
BEGIN
    IF TG_OP = 'UPDATE' AND (NEW.juror_id, NEW.entry_id) IS DISTINCT FROM (OLD.juror_id, OLD.entry_id) THEN
        RAISE EXCEPTION 'a declared conflict cannot move to another juror or entry; the secretariat clears it instead'
            USING ERRCODE = '42501';
    END IF;
    SELECT * INTO v_juror FROM ecpa.jurors WHERE id = v_juror_id;
    IF TG_OP <> 'DELETE' THEN
        SELECT edition_id INTO v_entry_edition FROM ecpa.entries WHERE id = NEW.entry_id;
        IF v_entry_edition IS DISTINCT FROM v_juror.edition_id THEN
            RAISE EXCEPTION 'entry % is not in the edition juror % judges', NEW.entry_id, v_juror.role_name
                USING ERRCODE = '23514';
        END IF;
    END IF;
    IF NOT ecpa.is_secretariat() AND (TG_OP = 'DELETE' OR v_juror.role_name IS DISTINCT FROM ecpa.actor()) THEN
        RAISE EXCEPTION 'a juror declares only their own conflicts; only the secretariat clears one' USING ERRCODE = '42501';
    END IF;
    FOR v_pass IN 1..2 LOOP
        IF v_pass = 1 THEN
            SELECT * INTO v_edition FROM ecpa.editions WHERE id = v_juror.edition_id;
        ELSE
            SELECT * INTO v_edition FROM ecpa.editions WHERE id = v_juror.edition_id FOR SHARE;
            PERFORM ecpa.refuse_while_edition_changes(v_juror.edition_id);
        END IF;
        IF v_edition.phase IN ('frozen', 'published') THEN
            RAISE EXCEPTION 'the % edition is %; its conflicts can no longer change', v_edition.year, v_edition.phase
                USING ERRCODE = 'EC002';
        END IF;
    END LOOP;
    -- A juror's score writes read their conflicts: an older snapshot of theirs fails after this.
    PERFORM ecpa.bump('juror:' || v_juror_id);
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    NEW.declared_at := clock_timestamp();
    NEW.declared_by := ecpa.actor();
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION ecpa.declared_conflicts_guard() FROM PUBLIC;

-- The scheme (and its criteria) is fixed once scoring opens.
CREATE OR REPLACE FUNCTION ecpa.schemes_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_edition_id bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.edition_id ELSE NEW.edition_id END;
    v_edition    ecpa.editions;
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.edition_id <> OLD.edition_id THEN
        RAISE EXCEPTION 'a scheme cannot move to another edition' USING ERRCODE = 'EC004';
    END IF;
    FOR v_pass IN 1..2 LOOP
        IF v_pass = 1 THEN
            SELECT * INTO v_edition FROM ecpa.editions WHERE id = v_edition_id;
        ELSE
            SELECT * INTO v_edition FROM ecpa.editions WHERE id = v_edition_id FOR SHARE;
            PERFORM ecpa.refuse_while_edition_changes(v_edition_id);
        END IF;
        IF v_edition.phase IN ('scoring', 'frozen', 'published') THEN
            RAISE EXCEPTION 'the scoring scheme of the % edition is fixed: scoring has opened', v_edition.year
                USING ERRCODE = 'EC001';
        END IF;
    END LOOP;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    IF TG_TABLE_NAME = 'schemes' THEN
        NEW.set_at := clock_timestamp();
        NEW.set_by := ecpa.actor();
    END IF;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION ecpa.schemes_guard() FROM PUBLIC;

-- Overrides change only while the edition is in scoring, before the freeze; frozen results are
-- written once, at the freeze, by ecpa.freeze_edition.
CREATE OR REPLACE FUNCTION ecpa.results_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_edition_id bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.edition_id ELSE NEW.edition_id END;
    v_edition    ecpa.editions;
BEGIN
    IF TG_TABLE_NAME <> 'overrides' AND TG_OP <> 'INSERT' THEN
        RAISE EXCEPTION 'frozen results cannot be changed or deleted' USING ERRCODE = 'EC002';
    END IF;
    IF TG_OP = 'UPDATE' THEN
        IF (NEW.edition_id, NEW.entry_id) IS DISTINCT FROM (OLD.edition_id, OLD.entry_id) THEN
            RAISE EXCEPTION 'an override cannot move to another entry' USING ERRCODE = 'EC004';
        END IF;
    END IF;
    FOR v_pass IN 1..2 LOOP
        IF v_pass = 1 THEN
            SELECT * INTO v_edition FROM ecpa.editions WHERE id = v_edition_id;
        ELSE
            SELECT * INTO v_edition FROM ecpa.editions WHERE id = v_edition_id FOR SHARE;
            PERFORM ecpa.refuse_while_edition_changes(v_edition_id);
        END IF;
        IF TG_TABLE_NAME = 'overrides' AND v_edition.phase IN ('frozen', 'published') THEN
            RAISE EXCEPTION 'the results of the % edition are frozen; overrides can no longer change', v_edition.year
                USING ERRCODE = 'EC002';
        ELSIF TG_TABLE_NAME = 'overrides' AND v_edition.phase <> 'scoring' THEN
            RAISE EXCEPTION 'a jury override is set after scoring, before the freeze' USING ERRCODE = 'EC001';
        ELSIF v_edition.phase <> 'scoring' THEN
            RAISE EXCEPTION 'the % edition is %; only an edition in scoring can be frozen', v_edition.year,
                    replace(v_edition.phase, '_', ' ')
                USING ERRCODE = 'EC003';
        END IF;
    END LOOP;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    IF TG_TABLE_NAME = 'overrides' THEN
        NEW.set_at := clock_timestamp();
        NEW.set_by := ecpa.actor();
    ELSE
        NEW.frozen_at := clock_timestamp();
        NEW.frozen_by := ecpa.actor();
    END IF;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION ecpa.results_guard() FROM PUBLIC;

-- The other trigger functions run as the writer; nobody may attach them to a table of their own.
REVOKE ALL ON FUNCTION ecpa.editions_guard_phase() FROM PUBLIC;
REVOKE ALL ON FUNCTION ecpa.editions_guard_jury_rules() FROM PUBLIC;
REVOKE ALL ON FUNCTION ecpa.editions_need_scheme() FROM PUBLIC;
REVOKE ALL ON FUNCTION ecpa.editions_need_results() FROM PUBLIC;

RESET ROLE;
