-- adopt: move one key written before keys carried the fleet's hash tag (`fleet:rest`) to where
-- it lives now (`{fleet}:rest`), merged into what a process of the new layout may already have
-- written there. Runs on one server only (the two names are in different cluster slots).
-- KEYS: old, new. Returns 1 when something moved.
local old, new = KEYS[1], KEYS[2]
local kind = redis.call('TYPE', old)['ok']
if kind == 'none' then return 0 end
if redis.call('EXISTS', new) == 0 then
  redis.call('RENAME', old, new)
  return 1
end
if kind == 'list' then
  -- The old entries are older: they go to the end the next fetch takes from, in their order.
  while redis.call('LMOVE', old, new, 'LEFT', 'RIGHT') do end
elseif kind == 'zset' then
  redis.call('ZUNIONSTORE', new, 2, new, old, 'AGGREGATE', 'MIN')
elseif kind == 'set' then
  redis.call('SUNIONSTORE', new, new, old)
elseif kind == 'hash' then
  -- Counters add up; any other field keeps the newer value.
  local fields = redis.call('HGETALL', old)
  for i = 1, #fields, 2 do
    local n = tonumber(fields[i + 1])
    if n and math.floor(n) == n then
      redis.call('HINCRBY', new, fields[i], n)
    else
      redis.call('HSETNX', new, fields[i], fields[i + 1])
    end
  end
end
-- A string (an idempotency key, a delivery mark) already written anew is the newer one.
redis.call('DEL', old)
return 1
