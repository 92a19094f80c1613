-- Sealed tombstones (docs/security-design.md, malicious server, issue 7).
--
-- Until now a deletion was a bare row: deleted = true, sealed null. Nothing in it came from the
-- user, so a malicious (or compromised) server could write one for any item, one revision above
-- the stored row, and every device that pulled it would delete the item and its whole history.
-- A deletion now carries a sealed marker instead: an envelope of purpose 'tombstone' that the
-- client seals under the item's VaultKey, bound to the account, the vault, the item id and the
-- tombstone's revision (src-main/vault/tombstone.ts). The server cannot make one, and a device
-- honours only a tombstone whose marker opens. Here it is an opaque base64 envelope, checked for
-- shape and size only, like every other sealed column.
--
-- The defence itself is the client's check: a lying server writes its tables directly and is
-- not stopped by anything below. What this migration adds is that an honest server refuses a
-- deletion without its marker, so every new tombstone it stores is one the other devices can
-- verify, rather than a real deletion they would have to ignore.
--
-- 1. The table: a live item must have sealed, a tombstone may have it. Tombstones written before
--    this migration (sealed null) stay valid rows, so no data is rewritten; a client that checks
--    markers does not take them on trust, and a later revision can still restore or re-delete
--    them.
-- 2. put_item: a new deletion must carry its marker (PT400, checked with the revision and before
--    the stored row is looked up, so it wins over PT409). Everything else is as in
--    20261122120100_sync_functions.sql: same signature, revisions, PT409, vault moves, restoring
--    a tombstone by a later revision, seq, constraint violations mapped to PT400.

alter table public.items drop constraint items_tombstone_has_no_sealed;
alter table public.items add constraint items_live_has_sealed check (deleted or sealed is not null);

-- Creates or replaces an item (p_expected_revision null: create). A live item is p_deleted
-- false with p_sealed; a deletion is p_deleted true with p_sealed its sealed tombstone marker.
-- An item may move between vaults; a tombstone is restored by a later live revision.
create or replace function public.put_item(
  p_item_id uuid,
  p_vault_id uuid,
  p_expected_revision bigint,
  p_revision bigint,
  p_sealed text,
  p_deleted boolean
) returns bigint
language plpgsql security definer
set search_path = ''
as $$
declare
  caller uuid := private.begin_write();
  stored_revision bigint;
  new_seq bigint;
  failed_constraint text;
  missing_column text;
begin
  perform private.check_revision(p_expected_revision, p_revision);
  -- The table would accept a tombstone without a marker (legacy rows); a new one may not.
  if p_deleted and p_sealed is null then
    raise exception using errcode = 'PT400', message = 'a tombstone must carry its sealed marker';
  end if;
  select revision into stored_revision from public.items where user_id = caller and item_id = p_item_id;
  if stored_revision is distinct from p_expected_revision then
    raise exception using errcode = 'PT409', message = 'revision conflict';
  end if;
  begin
    if p_expected_revision is null then
      insert into public.items (user_id, item_id, vault_id, revision, sealed, deleted, seq)
      values (caller, p_item_id, p_vault_id, p_revision, p_sealed, p_deleted, nextval('public.change_seq'))
      returning seq into new_seq;
    else
      update public.items
         set vault_id = p_vault_id, revision = p_revision, sealed = p_sealed, deleted = p_deleted,
             seq = nextval('public.change_seq'), updated_at = now()
       where user_id = caller and item_id = p_item_id
      returning seq into new_seq;
    end if;
  exception
    when check_violation or not_null_violation then
      get stacked diagnostics failed_constraint = constraint_name, missing_column = column_name;
      perform private.raise_bad_input(failed_constraint, missing_column);
  end;
  return new_seq;
end
$$;

-- create or replace keeps the function's owner and rights; restated so that this file alone
-- shows them: authenticated only.
revoke all on function public.put_item(uuid, uuid, bigint, bigint, text, boolean)
  from public, anon, authenticated, service_role;
grant execute on function public.put_item(uuid, uuid, bigint, bigint, text, boolean) to authenticated;
