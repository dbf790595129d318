-- Neovim (Debian's 0.7.x) as a second LSP client. Run headless by test/nvim/run.js:
--   SERVER=dist/server.js FILE=x.cpworkflow.json REQUESTS='[{"method":"textDocument/completion","line":3,"character":9}]'
--   nvim --headless -u NONE -i NONE -n -c 'luafile lsp-check.lua'
-- Opens FILE as a Neovim user would (filetype detection on, so the server is told languageId "json"), starts
-- `node SERVER --stdio`, waits for the first publishDiagnostics, sends REQUESTS at their positions and prints one
-- line "RESULT {json}" with the filetype, the diagnostics and the responses; the runner asserts on it.
-- INIT_OPTIONS (JSON) becomes the server's initializationOptions; WAIT_CODE makes it wait, after the first
-- publish, until a diagnostic with that code arrives (the account's findings come when its facts do).
local function env_path(name)
  return vim.fn.fnamemodify(assert(os.getenv(name), name .. ' not set'), ':p')
end
local server, file = env_path('SERVER'), env_path('FILE')
local requests = vim.fn.json_decode(os.getenv('REQUESTS') or '[]')
local timeout_ms = tonumber(os.getenv('LSP_TIMEOUT_MS') or '15000')
local init_options = os.getenv('INIT_OPTIONS') and vim.fn.json_decode(os.getenv('INIT_OPTIONS')) or nil
local wait_code = os.getenv('WAIT_CODE')
local result = { filetype = nil, published = false, diagnostics = {}, responses = {}, errors = {} }

local function finish(code)
  io.stdout:write('RESULT ' .. vim.fn.json_encode(result) .. '\n')
  vim.cmd((code == 0) and 'qa!' or ('cq ' .. code))
end

vim.cmd('filetype on')
vim.cmd('edit ' .. vim.fn.fnameescape(file))
result.filetype = vim.bo.filetype

-- count publishDiagnostics for this file: a valid file gets an empty list, which still says "checked"
local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
local file_uri = vim.uri_from_fname(file)
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
  if params and params.uri == file_uri then result.published = true end
  return default_publish(err, params, ctx, config)
end

local client_id = vim.lsp.start_client({
  name = 'cpworkflow',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
  init_options = init_options,
  on_exit = function(code, signal)
    if code ~= 0 then table.insert(result.errors, 'server exited with ' .. code .. ' signal ' .. signal) end
  end,
})
if not client_id then
  table.insert(result.errors, 'start_client failed')
  return finish(3)
end
vim.lsp.buf_attach_client(0, client_id)
if not vim.wait(timeout_ms, function() local c = vim.lsp.get_client_by_id(client_id); return c and c.initialized end, 20) then
  table.insert(result.errors, 'server did not initialize within ' .. timeout_ms .. ' ms')
  return finish(1)
end
result.capabilities = vim.tbl_keys(vim.lsp.get_client_by_id(client_id).server_capabilities)

if not vim.wait(timeout_ms, function() return result.published end, 20) then
  table.insert(result.errors, 'no publishDiagnostics within ' .. timeout_ms .. ' ms')
  return finish(1)
end
if wait_code and not vim.wait(timeout_ms, function()
  for _, d in ipairs(vim.diagnostic.get(0)) do if d.code == wait_code then return true end end
  return false
end, 20) then
  table.insert(result.errors, 'no ' .. wait_code .. ' diagnostic within ' .. timeout_ms .. ' ms')
end
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(result.diagnostics, {
    line = d.lnum, character = d.col, endLine = d.end_lnum, endCharacter = d.end_col,
    severity = vim.diagnostic.severity[d.severity], source = d.source, code = d.code, message = d.message,
  })
end

local provider_of = { ['textDocument/completion'] = 'completionProvider', ['textDocument/hover'] = 'hoverProvider' }
for _, req in ipairs(requests) do
  local params = { textDocument = vim.lsp.util.make_text_document_params(), position = { line = req.line, character = req.character } }
  local provider = provider_of[req.method]
  if provider and not vim.lsp.get_client_by_id(client_id).server_capabilities[provider] then
    -- Neovim refuses to send a request the server did not advertise
    table.insert(result.responses, { method = req.method, error = 'server does not advertise ' .. provider })
  else
    local res = vim.lsp.buf_request_sync(0, req.method, params, timeout_ms)
    local r = res and res[client_id]
    if not r then
      table.insert(result.responses, { method = req.method, error = 'no response within ' .. timeout_ms .. ' ms' })
    else
      table.insert(result.responses, { method = req.method, error = r.err and r.err.message or nil, result = r.result })
    end
  end
end

vim.lsp.stop_client(client_id)
vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
finish(0)
