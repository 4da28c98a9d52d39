/** The kinds the function-transfer list (职能转移) classifies by (issue 14; docs/transfers.md). */

/** What a transferred function is about. */
export const FUNCTION_CATEGORIES = ['industry', 'assessment', 'survey', 'training', 'technical', 'social'] as const;
export type FunctionCategory = (typeof FUNCTION_CATEGORIES)[number];

/** The five classes of the purchasable-services directory (政府购买服务指导目录). */
export const SERVICE_CATEGORIES = ['basic_public', 'social_management', 'industry', 'technical', 'auxiliary'] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

/** The receivers the rules admit (温政办〔2021〕32号): registered 社会团体, 社会服务机构, 基金会. */
export const ORG_KINDS = ['social_group', 'social_service', 'foundation'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** How a function leaves the government: handed over to be performed directly, or commissioned (bought). */
export const TRANSFER_MODES = ['direct', 'commission'] as const;
