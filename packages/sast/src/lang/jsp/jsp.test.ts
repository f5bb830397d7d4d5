import { describe, expect, test } from 'vitest';
import { analyzeSources } from '../../engine/analyze.js';
import { readEl } from './el.js';
import { mask } from './mask.js';

const PAGE = `<%@ page import="java.sql.*" %>
<%-- a comment with <%= request.getParameter("c") %> --%>
<% String id = request.getParameter("id");
   Connection conn = DriverManager.getConnection("jdbc:h2:mem:");
   Statement st = conn.createStatement();
   ResultSet rs = st.executeQuery("SELECT * FROM t WHERE id = '" + id + "'"); %>
<p title="\${header['User-Agent']}">Row <%= id %></p>
`;

describe('JSP', () => {
  test('the masked page keeps only its Java, at the same offsets, lines and columns', () => {
    const { java, parts } = mask(PAGE);
    expect(java.length).toBe(PAGE.length);
    expect(java.split('\n').map((l) => l.trim())).toEqual([
      '',
      '',
      'String id = request.getParameter("id");',
      'Connection conn = DriverManager.getConnection("jdbc:h2:mem:");',
      'Statement st = conn.createStatement();',
      `ResultSet rs = st.executeQuery("SELECT * FROM t WHERE id = '" + id + "'");`,
      '_o( id );',
      '',
    ]);
    expect(parts.map((p) => PAGE.slice(p.start, p.start + 3))).toEqual(['<% ', '<%=']);
  });

  test('EL: request inputs, attributes and bound names; escaping', () => {
    expect(readEl("param.q")).toEqual({ inputs: [{ method: 'getParameter', key: 'q' }], names: [], escaped: false });
    expect(readEl("param['user-id'] += header.Host")).toEqual({ inputs: [{ method: 'getParameter', key: 'user-id' }, { method: 'getHeader', key: 'Host' }], names: [], escaped: false });
    expect(readEl("empty requestScope.msg ? 'none' : user.name")).toEqual({ inputs: [], names: ['msg', 'user'], escaped: false });
    expect(readEl('fn:escapeXml(param.q)').escaped).toBe(true);
  });

  test('scriptlets are checked by the Java rules, outputs by the JSP rule, each with its flow in the page', async () => {
    const { log } = await analyzeSources([{ path: 'src/main/webapp/row.jsp', text: PAGE }]);
    const results = (log.runs[0]!.results ?? []).map((r) => `${r.ruleId}:${r.locations![0]!.physicalLocation!.region!.startLine}`).sort();
    expect(results).toEqual(['java-jsp-reflected-xss:7', 'java-jsp-reflected-xss:7', 'java-sql-injection:6']);
    const sql = (log.runs[0]!.results ?? []).find((r) => r.ruleId === 'java-sql-injection')!;
    expect(sql.codeFlows![0]!.threadFlows[0]!.locations.map((l) => l.location!.physicalLocation!.region!.startLine)).toEqual([3, 3, 6, 6]);
  });
});
